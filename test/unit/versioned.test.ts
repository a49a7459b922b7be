import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type AwsClientStub, mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type * as Versioned from '../../shared/db/kit.js';
import { AppError } from '../../shared/domain/common/errors.js';

/**
 * Optimistic concurrency in the repository kit. The write itself runs against DynamoDB Local in
 * the integration suites (deals, contacts, ... "rejects a stale version with 409"); here a
 * cancelled transaction is injected to check the one mapping from a failed condition to an error.
 */

let kit: typeof Versioned;
let mock: AwsClientStub<ReturnType<typeof import('../../shared/db/client.js').db>>;
const key = { pk: 'DEAL#d1', sk: 'DEAL' };

beforeAll(async () => {
  process.env.TABLE_NAME ??= 'test-table';
  kit = await import('../../shared/db/kit.js');
  const { db } = await import('../../shared/db/client.js');
  mock = mockClient(db());
});

beforeEach(() => mock.reset());

const cancelled = (codes: string[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('versioned writes', () => {
  it('creates only where no item exists, as version 1', () => {
    const put = kit.versionedPut({ ...key, name: 'x', version: 7 }, undefined).Put!;

    expect(put.ConditionExpression).toBe('attribute_not_exists(pk)');
    expect(put.ExpressionAttributeValues).toBeUndefined();
    expect(put.Item).toMatchObject({ ...key, name: 'x', version: 1 });
  });

  it('replaces only the version read, and stores n + 1', () => {
    const put = kit.versionedPut({ ...key, name: 'x' }, 4).Put!;

    expect(put.ConditionExpression).toBe('attribute_exists(pk) AND version = :v');
    expect(put.ExpressionAttributeValues).toEqual({ ':v': 4 });
    expect(put.Item?.version).toBe(5);
  });

  it('deletes only the version read', () => {
    const del = kit.versionedDelete(key, 3).Delete!;

    expect(del).toMatchObject({ Key: key, ConditionExpression: 'attribute_exists(pk) AND version = :v' });
    expect(del.ExpressionAttributeValues).toEqual({ ':v': 3 });
  });

  it('answers a failed version condition with the entity’s stale-version conflict', async () => {
    mock.on(TransactWriteCommand).rejects(cancelled(['ConditionalCheckFailed', 'None']));

    const write = kit.writeVersioned([kit.versionedPut(key, 2), { Put: { TableName: 't', Item: key } }], 'deal');

    await expect(write).rejects.toMatchObject({ kind: 'conflict', code: 'request.stale_version' });
  });

  it('lets the repository name another guard’s failure instead', async () => {
    mock.on(TransactWriteCommand).rejects(cancelled(['None', 'ConditionalCheckFailed']));
    const taken = new AppError('conflict', 'product.sku_taken', 'taken');

    const write = kit.writeVersioned(
      [kit.versionedPut(key, 2), kit.versionedPut(key, undefined)],
      'product',
      (failed) => (failed.some((f) => f.index === 1) ? taken : undefined),
    );

    await expect(write).rejects.toBe(taken);
  });
});
