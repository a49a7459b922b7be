import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { AppError, unavailable } from '../domain/common/errors.js';
import { db } from './client.js';
import { isIdempotencyPut } from './idempotency.js';

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
