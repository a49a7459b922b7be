import { ALL_INDEX_ATTRIBUTES } from './keys.js';

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
