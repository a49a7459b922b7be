import type { KeyringNode } from '@aws-crypto/material-management-node';
import { config } from '../config.js';
import type { SealedValue } from '../domain/customers/sealed.js';
import { localFieldKey, setLocalKeyMaterial } from './local-key.js';

export { isSealed, type SealedValue } from '../domain/customers/sealed.js';

/**
 * The one place that encrypts and decrypts sensitive field values (AWS Encryption SDK). In AWS the
 * keyring is the dedicated field key in KMS (FIELD_KEY_ARN); locally a raw AES-256 key read from
 * FIELD_KEY_FILE (the runtime creates it, 0600) or set in memory by the runtime for tests.
 * Every value is bound to its place by the encryption context {entity, recordId, field}: a
 * ciphertext copied to another record or field does not decrypt. Handlers never see keys.
 */

export interface FieldContext {
  entity: string;
  recordId: string;
  field: string;
}

/**
 * The Encryption SDK is loaded on first use, not at cold start: most requests touch no sensitive
 * field, and the SDK (with its bignum and ASN.1 code) costs init time.
 */
type Sdk = typeof import('./field-sdk.js');
let sdk: Promise<Sdk> | undefined;
const loadSdk = () => {
  sdk ??= import('./field-sdk.js');
  return sdk;
};

let keyring: KeyringNode | undefined;

/** Local runtime only: the raw AES-256 key to use (in memory, e.g. for tests). */
export function setLocalFieldKey(key: Uint8Array): void {
  setLocalKeyMaterial(key);
  keyring = undefined;
}

function currentKeyring(lib: Sdk): KeyringNode {
  if (keyring) return keyring;
  const arn = config().FIELD_KEY_ARN;
  if (arn) {
    keyring = new lib.KmsKeyringNode({ generatorKeyId: arn });
    return keyring;
  }
  const key = localFieldKey();
  if (key?.byteLength !== 32) throw new Error('No field key: set FIELD_KEY_ARN (AWS) or FIELD_KEY_FILE (local)');
  keyring = new lib.RawAesKeyringNode({
    keyNamespace: 'cirrus-crm',
    keyName: 'local-field-key',
    unencryptedMasterKey: key,
    wrappingSuite: lib.RawAesWrappingSuiteIdentifier.AES256_GCM_IV12_TAG16_NO_PADDING,
  });
  return keyring;
}

function contextOf(at: FieldContext): Record<string, string> {
  return { entity: at.entity, recordId: at.recordId, field: at.field };
}

export async function sealValue(value: unknown, at: FieldContext): Promise<SealedValue> {
  const lib = await loadSdk();
  const { result } = await lib.encrypt(currentKeyring(lib), Buffer.from(JSON.stringify(value), 'utf8'), {
    encryptionContext: contextOf(at),
    suiteId: lib.SUITE,
  });
  return { $sealed: result.toString('base64') };
}

export async function openValue(sealed: SealedValue, at: FieldContext): Promise<unknown> {
  const lib = await loadSdk();
  const { plaintext, messageHeader } = await lib.decrypt(currentKeyring(lib), Buffer.from(sealed.$sealed, 'base64'));
  const expected = contextOf(at);
  for (const [k, v] of Object.entries(expected)) {
    if (messageHeader.encryptionContext[k] !== v) throw new Error('Field encryption context mismatch');
  }
  return JSON.parse(plaintext.toString('utf8'));
}
