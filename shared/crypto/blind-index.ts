import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { DecryptCommand, EncryptCommand, KMSClient } from '@aws-sdk/client-kms';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { config } from '../config.js';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { localFieldKey } from './local-key.js';

/**
 * Keyed blind index of a sensitive value (today: a sensitive phone's national digits), so an
 * exact match still finds it by one index Query while the table holds no plaintext: the index
 * value is HMAC-SHA256(blindKey, digits), base64url. Without the key the digits cannot be tried.
 *
 * The blind key is derived from the field key material:
 * - locally, HKDF-SHA256 of the local field key (the key file);
 * - in AWS (KMS key material never leaves KMS), a random 256-bit key created once, stored in the
 *   table encrypted by the field key (KMS Encrypt, its own encryption context), decrypted at a
 *   function's first use. KMS is called directly (the runtime's SDK), so a function that only
 *   matches (the duplicate check) does not bundle the Encryption SDK.
 */
const INFO = 'cirrus-crm/blind-index/v1';

let awsBlindKey: Promise<Buffer> | undefined;

/** Locally: HKDF-SHA256 of the field key (cheap; not cached, so a replaced local key takes effect). */
export function deriveBlindKey(fieldKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), INFO, 32));
}

const CONTEXT = { purpose: 'blind-index', version: '1' };
let kms: KMSClient | undefined;

async function decryptKey(ciphertext: string): Promise<Buffer> {
  kms ??= new KMSClient({});
  const out = await kms.send(
    new DecryptCommand({
      CiphertextBlob: Buffer.from(ciphertext, 'base64'),
      KeyId: config().FIELD_KEY_ARN,
      EncryptionContext: CONTEXT,
    }),
  );
  return Buffer.from(out.Plaintext!);
}

async function loadAwsBlindKey(): Promise<Buffer> {
  const key = keys.blindIndexKey();
  const read = async () =>
    (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
  const existing = await read();
  if (existing) return decryptKey(String(existing.ciphertext));
  const fresh = randomBytes(32);
  kms ??= new KMSClient({});
  const sealed = await kms.send(
    new EncryptCommand({ KeyId: config().FIELD_KEY_ARN, Plaintext: fresh, EncryptionContext: CONTEXT }),
  );
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: 'BlindIndexKey', ciphertext: Buffer.from(sealed.CiphertextBlob!).toString('base64') },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return fresh;
  } catch {
    // Another cold start created it first: use theirs.
    const winner = await read();
    if (!winner) throw new Error('The blind index key could not be created');
    return decryptKey(String(winner.ciphertext));
  }
}

/** The blind index of a value under the current key (deterministic: equal inputs, equal output). */
export async function blindIndexOf(value: string): Promise<string> {
  const local = localFieldKey();
  if (local) return blindIndexWith(deriveBlindKey(local), value);
  awsBlindKey ??= loadAwsBlindKey().catch((error) => {
    awsBlindKey = undefined;
    throw error;
  });
  return blindIndexWith(await awsBlindKey, value);
}

/** Pure HMAC step, for unit tests. */
export function blindIndexWith(key: Uint8Array, value: string): string {
  return createHmac('sha256', key).update(value, 'utf8').digest('base64url');
}
