import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { AppError, staleVersion, unavailable } from '../domain/common/errors.js';
import { db, tableName } from './client.js';
import { isIdempotencyPut } from './idempotency.js';
import { ALL_INDEX_ATTRIBUTES, type Key } from './keys.core.js';

/**
 * The repository kit: what every repository does the same way, written once.
 * - transactions: all-or-nothing writes, a failed condition mapped to a domain error, conflicts retried;
 * - versioned writes: optimistic concurrency (create where nothing is; replace the version read);
 * - item ↔ API record: the storage attributes stripped from what a client sees;
 * - BatchGetItem: deduplicated, chunked, UnprocessedKeys retried with backoff, in request order.
 * Repositories build their items and access patterns on it; nothing here knows an entity.
 */

// ---------------------------------------------------------------------------------------------
// Transactions

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A failed condition of one item of a transaction, with the item as it is now (if any). */
export interface FailedCondition {
  index: number;
  current?: Record<string, unknown>;
}

const RETRYABLE_REASONS = new Set(['TransactionConflict', 'ThrottlingError', 'ProvisionedThroughputExceeded']);
const MAX_ATTEMPTS = 3;

/**
 * Writes items all-or-nothing. A condition that fails (stale version, taken e-mail) is turned
 * into a domain error by `onConditionFailed`; conflicts with a concurrent transaction are
 * retried a few times and then answered 503. Nothing is ever half-written: DynamoDB applies
 * the whole transaction or none of it.
 */
export async function transactWrite(
  items: TransactItem[],
  onConditionFailed: (failed: FailedCondition[]) => AppError,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db().send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failed = reasons
        .map((r, index) => ({ r, index }))
        .filter(({ r }) => r.Code === 'ConditionalCheckFailed')
        .map(({ r, index }) => ({ index, current: r.Item ? unmarshallLoose(r.Item) : undefined }));
      // Another request with the same Idempotency-Key stored its answer first: it is in flight
      // or done, so this one changes nothing; a retry gets the stored answer.
      if (failed.some((f) => isIdempotencyPut(items[f.index]))) throw keyInUse();
      if (failed.length > 0) throw onConditionFailed(failed);
      const retryable = reasons.some((r) => r.Code && RETRYABLE_REASONS.has(r.Code));
      if (!retryable || attempt >= MAX_ATTEMPTS) throw retryable ? unavailable() : error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt * Math.random()));
    }
  }
}

/** Cancellation reasons carry raw attribute values; we only ever read a few string fields. */
function unmarshallLoose(item: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    const av = v as { S?: string; N?: string; BOOL?: boolean };
    out[k] = av.S ?? (av.N !== undefined ? Number(av.N) : av.BOOL);
  }
  return out;
}

const keyInUse = () =>
  new AppError(
    'conflict',
    'request.idempotency_in_progress',
    'A request with this Idempotency-Key is in progress; retry',
  );

// ---------------------------------------------------------------------------------------------
// Versioned writes

/**
 * Optimistic concurrency, written once (DESIGN §6): an item is created only where none exists and
 * replaced only at the version its writer read, which the write moves to n + 1. The condition is
 * checked by DynamoDB in the write itself, never by a read before it, so two writers that read the
 * same version cannot both win.
 */

type Condition = { ConditionExpression: string; ExpressionAttributeValues?: Record<string, unknown> };

/** Create (`expected` undefined): nothing at the key yet. Update: the stored version is `expected`. */
export function versionCondition(expected: number | undefined): Condition {
  return expected === undefined
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: 'attribute_exists(pk) AND version = :v', ExpressionAttributeValues: { ':v': expected } };
}

/** The version a write stores: 1 for a create, n + 1 for an update of version n. */
export const nextVersion = (expected: number | undefined): number => (expected ?? 0) + 1;

/** A Put of the item's next version, conditioned on the version read (`undefined`: a create). */
export function versionedPut(item: Record<string, unknown>, expected: number | undefined): TransactItem {
  return {
    Put: { TableName: tableName(), Item: { ...item, version: nextVersion(expected) }, ...versionCondition(expected) },
  };
}

/** A Delete of the item at the version read. */
export function versionedDelete(key: Key, expected: number): TransactItem {
  return { Delete: { TableName: tableName(), Key: key, ...versionCondition(expected) } };
}

/**
 * Writes a transaction holding versioned items. A failed condition is the stale-version 409 of
 * `entity` (someone else wrote first), unless `otherwise` recognises the failed item as another
 * guard (a taken SKU, a unique e-mail) and names that error instead.
 */
export function writeVersioned(
  items: TransactItem[],
  entity: string,
  otherwise?: (failed: FailedCondition[]) => AppError | undefined,
): Promise<void> {
  return transactWrite(items, (failed) => otherwise?.(failed) ?? staleVersion(entity));
}

// ---------------------------------------------------------------------------------------------
// Item ↔ API record

/**
 * Item ↔ API record. A stored item carries what the table needs besides the record: its keys,
 * the index keys the key modules add (gsi1pk … gsi11sk), the entity `type` that tells items of one
 * partition apart, and the TTL (`expiresAt`) of a soft-deleted or pending item. None of it is the
 * record's, and a client must never see it (it names partitions and other records' ids).
 */
export const INTERNAL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'pk',
  'sk',
  'type',
  'expiresAt',
  ...ALL_INDEX_ATTRIBUTES,
]);

/** The record an item stores: every attribute but the internal ones (and `alsoInternal`). */
export function recordOf<T>(item: Record<string, unknown>, alsoInternal: readonly string[] = []): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) {
    if (!INTERNAL_ATTRIBUTES.has(k) && !alsoInternal.includes(k)) out[k] = v;
  }
  return out as T;
}

/** One record by key, read strongly consistent (a write just before must be seen); undefined when absent. */
export async function getRecord<T>(key: Key): Promise<T | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return out.Item ? recordOf<T>(out.Item) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Unversioned items (jobs, counters)

/** A Put of an item that must be new (a job): fails when one exists at its key. */
export function putNew(item: Record<string, unknown> & Key): TransactItem {
  return { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } };
}

/** Adds one to a counter attribute of an item (a job's progress), stamping `updatedAt`. */
export function countOne(key: Key, attribute: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: key,
      UpdateExpression: 'SET #counter = #counter + :one, updatedAt = :at',
      ExpressionAttributeNames: { '#counter': attribute },
      ExpressionAttributeValues: { ':one': 1, ':at': at },
    },
  };
}

// ---------------------------------------------------------------------------------------------
// BatchGetItem

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
