import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DynamoDbLocal,
  ensureTable,
  localDynamoClient,
  startDynamoDbLocal,
} from '../../infra/local/dynamodb-local.js';
import { freePort } from '../../infra/local/ports.js';
import { manifest } from '../../infra/manifest.js';

/**
 * A .data/ folder from before the team indexes holds a table with nine GSIs: starting the
 * runtime on it adds the ones the manifest has gained, instead of failing every team query.
 */
let dynamo: DynamoDbLocal;

beforeAll(async () => {
  dynamo = await startDynamoDbLocal({ port: await freePort() });
});
afterAll(async () => {
  await dynamo?.stop();
});

describe('ensureTable on an older local table', () => {
  it('adds the GSIs the manifest has gained and keeps the table', async () => {
    const older = { ...manifest.table, indexes: manifest.table.indexes.slice(0, 9) };
    await ensureTable(dynamo.endpoint, 'upgrade-me', older);

    const streamArn = await ensureTable(dynamo.endpoint, 'upgrade-me', manifest.table);

    const described = await localDynamoClient(dynamo.endpoint).send(
      new DescribeTableCommand({ TableName: 'upgrade-me' }),
    );
    const indexes = described.Table?.GlobalSecondaryIndexes ?? [];
    expect(indexes.map((i) => i.IndexName).sort()).toEqual(manifest.table.indexes.map((i) => i.name).sort());
    expect(indexes.every((i) => i.IndexStatus === 'ACTIVE')).toBe(true);
    expect(streamArn).toBe(described.Table?.LatestStreamArn);
  });
});
