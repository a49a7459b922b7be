import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/common/errors.js';
import { db, tableName } from './client.js';
import { coreKeys } from './keys.core.js';
import type { TransactItem } from './kit.js';

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
    throw new AppError('bad_request', 'request.validation_failed', 'Invalid Idempotency-Key header', {
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
      'request.idempotency_key_reused',
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
        ...coreKeys.idempotency(request.userId, request.key),
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

/** The stored answer of a key, read strongly consistent (a retry may follow its first at once). */
export async function getIdempotency(request: IdempotencyRequest): Promise<IdempotencyRecord | undefined> {
  const { Item } = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: coreKeys.idempotency(request.userId, request.key),
      ConsistentRead: true,
    }),
  );
  return Item as IdempotencyRecord | undefined;
}

/**
 * For a create whose dependencies are not read in one BatchGet with the key (one more GetItem,
 * only when the client sent a key): the answer to replay, a 422 for the same key with another
 * body, or undefined when this key is new.
 */
export async function replayed<T>(
  request: IdempotencyRequest | undefined,
): Promise<{ status: number; body: T } | undefined> {
  if (!request) return undefined;
  const stored = await getIdempotency(request);
  return stored && (replay(request, stored) as { status: number; body: T });
}

/** The items a create adds to its own transaction to store its answer: none without a key. */
export function storeAnswer(
  request: IdempotencyRequest | undefined,
  status: number,
  response: unknown,
  nowMs: number,
): TransactItem[] {
  return request ? [putIdempotency(request, status, response, nowMs)] : [];
}

/** Whether a transaction item is an answer stored for an Idempotency-Key (kit.ts transactWrite). */
export const isIdempotencyPut = (item: TransactItem | undefined) => item?.Put?.Item?.type === 'Idempotency';
