import { readFileSync } from 'node:fs';
import { config } from '../config.js';

/**
 * The local runtime's raw field key (AES-256): set in memory (tests) or read from FIELD_KEY_FILE.
 * Kept apart from field-protection.ts so that a function needing only the key material (the
 * blind index of the duplicate check) does not bundle the Encryption SDK.
 */
let localKey: Uint8Array | undefined;

export function setLocalKeyMaterial(key: Uint8Array): void {
  if (key.byteLength !== 32) throw new Error('The local field key must be 256 bits');
  localKey = new Uint8Array(key);
}

/** The local raw field key; undefined in AWS (FIELD_KEY_ARN: the key never leaves KMS). */
export function localFieldKey(): Uint8Array | undefined {
  if (localKey) return localKey;
  if (config().FIELD_KEY_ARN) return undefined;
  const file = config().FIELD_KEY_FILE;
  return file ? new Uint8Array(readFileSync(file)) : undefined;
}
