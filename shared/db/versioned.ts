import { type AppError, staleVersion } from '../domain/common/errors.js';
import { tableName } from './client.js';
import type { Key } from './keys.js';
import { type FailedCondition, type TransactItem, transactWrite } from './transact.js';

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
