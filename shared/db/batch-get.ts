import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { unavailable } from '../domain/common/errors.js';
import { db, tableName } from './client.js';
import type { Key } from './keys.js';

/**
 * Reads items by key with BatchGetItem, the one place that does so. DynamoDB may answer part of
 * a batch and hand the rest back as UnprocessedKeys (throttling, the 16 MB response cap), so the
 * leftovers are retried after a jittered exponential pause; keys still unread after the last
 * attempt make the request a 503 rather than a silent "not found". A request holds at most 100
 * keys and no duplicates (DynamoDB rejects both), so keys are deduplicated and chunked here.
 */

export type Item = Record<string, unknown>;

export interface BatchGetOptions {
  /** Strongly consistent reads (the default: a write decides on what it reads). */
  consistent?: boolean;
}

/** DynamoDB's limit of keys per BatchGetItem request. */
export const BATCH_GET_MAX_KEYS = 100;

/** The retry policy; tests replace `pause` so they never wait on the clock. */
export const batchGetRetry = {
  /** Requests per chunk, the first included. */
  maxAttempts: 6,
  baseDelayMs: 25,
  maxDelayMs: 1_000,
  /** Full jitter: anywhere up to the exponential bound, so retrying callers spread out. */
  delayMs(retry: number): number {
    return Math.random() * Math.min(this.maxDelayMs, this.baseDelayMs * 2 ** retry);
  },
  pause: (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms)),
};

const idOf = (k: { pk?: unknown; sk?: unknown }) => `${String(k.pk)}\u0000${String(k.sk)}`;

/** The items at these keys, in the order asked: a missing item (or an undefined key) is undefined. */
export async function getItems(
  wanted: readonly (Key | undefined)[],
  options: BatchGetOptions = {},
): Promise<(Item | undefined)[]> {
  const unique = [...new Map(wanted.filter((k): k is Key => k !== undefined).map((k) => [idOf(k), k])).values()];
  const chunks: Key[][] = [];
  for (let start = 0; start < unique.length; start += BATCH_GET_MAX_KEYS) {
    chunks.push(unique.slice(start, start + BATCH_GET_MAX_KEYS));
  }
  const found = new Map<string, Item>();
  await Promise.all(
    chunks.map(async (chunk) => {
      for (const item of await readChunk(chunk, options.consistent ?? true)) found.set(idOf(item), item);
    }),
  );
  return wanted.map((k) => (k ? found.get(idOf(k)) : undefined));
}

/** The items found at these keys, in the order asked, each once. */
export async function getFound(wanted: readonly (Key | undefined)[], options: BatchGetOptions = {}): Promise<Item[]> {
  const items = await getItems(wanted, options);
  const seen = new Set<string>();
  return items.filter((i): i is Item => {
    if (!i || seen.has(idOf(i))) return false;
    seen.add(idOf(i));
    return true;
  });
}

async function readChunk(chunk: Key[], consistent: boolean): Promise<Item[]> {
  const table = tableName();
  const items: Item[] = [];
  let pending: Key[] = chunk;
  for (let attempt = 0; attempt < batchGetRetry.maxAttempts; attempt++) {
    if (attempt > 0) await batchGetRetry.pause(batchGetRetry.delayMs(attempt - 1));
    const out = await db().send(
      new BatchGetCommand({ RequestItems: { [table]: { Keys: pending, ConsistentRead: consistent } } }),
    );
    items.push(...((out.Responses?.[table] ?? []) as Item[]));
    pending = (out.UnprocessedKeys?.[table]?.Keys ?? []) as Key[];
    if (pending.length === 0) return items;
  }
  throw unavailable();
}
