import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { localFieldKey, openValue, sealValue } from './field-protection.js';

/**
 * Keyed blind index of a sensitive value (today: a sensitive phone's national digits), so an
 * exact match still finds it by one index Query while the table holds no plaintext: the index
 * value is HMAC-SHA256(blindKey, digits), base64url. Without the key the digits cannot be tried.
 *
 * The blind key is derived from the field key material:
 * - locally, HKDF-SHA256 of the local field key (the key file);
 * - in AWS (KMS key material never leaves KMS), a random 256-bit key created once, stored in the
 *   table sealed by the field key under its own encryption context, and opened at first use.
 */
const INFO = 'cirrus-crm/blind-index/v1';

let awsBlindKey: Promise<Buffer> | undefined;

/** Locally: HKDF-SHA256 of the field key (cheap; not cached, so a replaced local key takes effect). */
export function deriveBlindKey(fieldKey: Uint8Array): Buffer {
  return Buffer.from(hkdfSync('sha256', fieldKey, Buffer.alloc(0), INFO, 32));
}

async function loadAwsBlindKey(): Promise<Buffer> {
  const at = { entity: 'settings', recordId: 'blind-index', field: 'key' };
  const key = keys.blindIndexKey();
  const read = async () =>
    (await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item;
  const existing = await read();
  if (existing) return Buffer.from(String(await openValue(existing.sealed, at)), 'base64');
  const fresh = randomBytes(32).toString('base64');
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...key, type: 'BlindIndexKey', sealed: await sealValue(fresh, at) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return Buffer.from(fresh, 'base64');
  } catch {
    // Another cold start created it first: use theirs.
    const winner = await read();
    if (!winner) throw new Error('The blind index key could not be created');
    return Buffer.from(String(await openValue(winner.sealed, at)), 'base64');
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
