import { createHash } from 'node:crypto';
import { AppError } from '../domain/common/errors.js';
import { tableName } from './client.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/**
 * Idempotent creates: the first request with an Idempotency-Key stores its response in the same
 * transaction as the new record; a retry with the same key and body gets that response again; the
 * same key with another body is a 422. Records expire after a day.
 */
export interface IdempotencyRequest {
  userId: string;
  key: string;
  requestHash: string;
}

export interface IdempotencyRecord {
  requestHash: string;
  status: number;
  response: unknown;
}

const KEY_FORMAT = /^[A-Za-z0-9_-]{8,100}$/;
const TTL_SECONDS = 24 * 60 * 60;

export function idempotencyRequest(
  userId: string,
  header: string | undefined,
  body: unknown,
): IdempotencyRequest | undefined {
  if (header === undefined) return undefined;
  if (!KEY_FORMAT.test(header)) {
    throw new AppError('bad_request', 'validation_failed', 'Invalid Idempotency-Key header', {
      'Idempotency-Key': 'Must be 8-100 letters, digits, - or _',
    });
  }
  const requestHash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  return { userId, key: header, requestHash };
}

/** The stored answer to replay, or a 422 when the key was used for another request. */
export function replay(request: IdempotencyRequest, stored: IdempotencyRecord): { status: number; body: unknown } {
  if (stored.requestHash !== request.requestHash) {
    throw new AppError(
      'unprocessable',
      'idempotency.key_reused',
      'This Idempotency-Key was already used for a different request',
      { 'Idempotency-Key': 'Already used with another body' },
    );
  }
  return { status: stored.status, body: stored.response };
}

export function putIdempotency(
  request: IdempotencyRequest,
  status: number,
  response: unknown,
  nowMs: number,
): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: {
        ...keys.idempotency(request.userId, request.key),
        type: 'Idempotency',
        requestHash: request.requestHash,
        status,
        response,
        expiresAt: Math.floor(nowMs / 1000) + TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
