import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as sesLocalModule from 'aws-ses-v2-local';
import { setLocalFieldKey } from '../../shared/crypto/field-protection.js';
import { manifest } from '../manifest.js';
import { LocalBus } from './bus.js';
import { ensureTable, startDynamoDbLocal } from './dynamodb-local.js';
import { lambdaContext, loadFunctions } from './functions.js';
import { createGateway } from './gateway.js';
import { jwtAuthorizer } from './jwt-authorizer.js';
import { type MintOptions, startLocalOidc } from './oidc.js';
import { linkPortalUsers } from './portal-users.js';
import { LocalQueues } from './queues.js';
import { LocalScheduler } from './scheduler.js';
import { seedDemoData, seedStaff } from './seed.js';
import { seedContracts } from './seed-contracts.js';
import { seedDeals } from './seed-deals.js';
import { seedForecast } from './seed-forecast.js';
import { seedLeads } from './seed-leads.js';
import { seedQuotes } from './seed-quotes.js';
import { seedTeams } from './seed-teams.js';
import { seedWork } from './seed-work.js';
import { StreamPoller } from './stream.js';

/**
 * The whole CRM on one machine: DynamoDB Local, local SES, the OIDC provider, the gateway, the
 * scheduler, the bus (fed by the table stream through the outbox relay) and the queues, all wired
 * from the manifest. `npm start` and the tests both start it through this function.
 */
export interface RuntimeOptions {
  /** Gateway port; 0 picks a free one. */
  port?: number;
  dynamoPort?: number;
  sesPort?: number;
  /** Where DynamoDB Local keeps its data and the provider its key; undefined = in memory. */
  dataDir?: string;
  webRoot?: string;
  seed?: boolean | { companies: number; contacts: number };
  /** Fire schedules on the clock (off in tests, which fire them at chosen instants). */
  timers?: boolean;
  /** Scales queue visibility timeouts (tests use a small value). */
  visibilityScale?: number;
  idTokenSeconds?: number;
  /** Enforce TOTP MFA for admins and sysadmins, as in AWS (off for the demo; LOCAL_ENFORCE_MFA=1 with npm start). */
  enforceMfa?: boolean;
}

export interface Runtime {
  baseUrl: string;
  mailboxUrl: string;
  dynamoEndpoint: string;
  tableName: string;
  seeded?: { companies: number; contacts: number };
  /** An ID token for a seeded user: staff pool for staff, portal pool for a portal customer. */
  token(email: string, options?: MintOptions): Promise<string>;
  fireSchedule(id: string, at: Date): Promise<unknown>;
  /** Waits until the stream, the bus and the queues have nothing left to do. */
  drain(): Promise<void>;
  status(): ReturnType<typeof statusOf>;
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

// aws-ses-v2-local is CommonJS with `exports.default`; under ESM interop that default sits one level down.
type StartSes = (config: { host: string; port: number }) => Promise<Server>;
const sesExports = sesLocalModule as unknown as { default: StartSes | { default: StartSes } };
const startSesLocal: StartSes =
  typeof sesExports.default === 'function' ? sesExports.default : sesExports.default.default;

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createNetServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => done(port));
    });
  });
}

function statusOf(
  bus: LocalBus,
  queues: LocalQueues,
  stream: StreamPoller,
  scheduler: LocalScheduler,
  invocations: Record<string, number>,
) {
  return {
    /** How many times each function ran (tests prove a refused request never reached one). */
    invocations: { ...invocations },
    bus: { delivered: bus.deliveries.length, deadLetters: bus.deadLetters },
    queues: queues.stats(),
    stream: { failedRecords: stream.failedRecords },
    schedules: scheduler.runs,
  };
}

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const port = options.port || (await freePort());
  const dynamoPort = options.dynamoPort || (await freePort());
  const sesPort = options.sesPort || (await freePort());
  const baseUrl = `http://localhost:${port}`;
  const tableName = `${manifest.service}-${manifest.table.id}`;
  const stops: (() => Promise<void> | void)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };

  try {
    const dynamo = await startDynamoDbLocal(dynamoPort, options.dataDir && join(options.dataDir, 'dynamodb'));
    stops.push(() => dynamo.stop());
    const ses: Server = await startSesLocal({ host: '127.0.0.1', port: sesPort });
    stops.push(() => new Promise<void>((r) => ses.close(() => r())));

    // The environment every handler reads at cold start, as the CDK app sets it in AWS.
    Object.assign(process.env, {
      AWS_REGION: 'local',
      AWS_ACCESS_KEY_ID: 'local',
      AWS_SECRET_ACCESS_KEY: 'local',
      AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
      AWS_ENDPOINT_URL_SESV2: `http://127.0.0.1:${sesPort}`,
      AWS_ENDPOINT_URL_EVENTBRIDGE: `${baseUrl}/local/aws/events`,
      AWS_ENDPOINT_URL_SQS: `${baseUrl}/local/aws/sqs`,
      TABLE_NAME: tableName,
      // Staff accounts live in the local provider's store (the table), as they do in Cognito in AWS.
      USER_DIRECTORY: 'local',
      EVENT_BUS_NAME: `${manifest.service}-bus`,
      QUEUE_URL_PURGE: `${baseUrl}/local/queues/purge`,
      QUEUE_URL_REASSIGN: `${baseUrl}/local/queues/reassign`,
      QUEUE_URL_REENCRYPT: `${baseUrl}/local/queues/reencrypt`,
      APP_URL: baseUrl,
      // Contract attachments: the local adapter of the storage port (infra/local/storage.ts).
      LOCAL_STORAGE_DIR: options.dataDir ? join(options.dataDir, 'storage') : join(tmpdir(), `cirrus-storage-${port}`),
      LOCAL_STORAGE_SECRET: randomBytes(32).toString('hex'),
      POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    });
    await setUpFieldKey(options.dataDir);
    const streamArn = await ensureTable(dynamo.endpoint, tableName, manifest.table);

    const functions = await loadFunctions();
    const invocations: Record<string, number> = {};
    const invoke = (id: string, event: unknown) => {
      invocations[id] = (invocations[id] ?? 0) + 1;
      return functions[id as keyof typeof functions](event, lambdaContext(id));
    };
    const bus = new LocalBus(manifest.rules, invoke);
    const queues = new LocalQueues(manifest.queues, baseUrl, invoke, options.visibilityScale ?? 1);
    const streamDecl = manifest.streams[0];
    const stream = new StreamPoller(dynamo.endpoint, streamArn, streamDecl, invoke);
    const scheduler = new LocalScheduler(manifest.schedules, invoke);

    const oidc = await startLocalOidc({
      baseUrl,
      keyDir: options.dataDir,
      idTokenSeconds: options.idTokenSeconds,
      enforceMfa: options.enforceMfa,
    });
    const drain = async () => {
      for (let round = 0; round < 20; round++) {
        await stream.idle();
        await bus.idle();
        await queues.idle();
        if ((await stream.pollOnce()) === 0) {
          await bus.idle();
          return;
        }
      }
    };
    const server = createServer(
      createGateway({
        webRoot: options.webRoot ?? join(ROOT, 'dist/web'),
        oidc,
        // One JWT authorizer per audience, as the HTTP API has: each trusts only its own pool.
        authorizers: {
          staff: jwtAuthorizer({ ...oidc.staff, audience: oidc.staff.clientId }),
          portal: jwtAuthorizer({ ...oidc.portal, audience: oidc.portal.clientId }),
        },
        invoke,
        bus,
        queues,
        publicConfig: () => ({
          oidc: { authority: oidc.staff.issuer, clientId: oidc.staff.clientId, scope: 'openid email profile' },
          version: process.env.APP_VERSION ?? '0.1.0',
          mailboxUrl: `http://localhost:${sesPort}/`,
        }),
        local: {
          fireSchedule: (id, at) => scheduler.fire(id, at),
          drain,
          status: () => statusOf(bus, queues, stream, scheduler, invocations),
        },
      }),
    );
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, () => done());
    });
    stops.push(() => new Promise<void>((r) => server.close(() => r())));
    stops.push(() => server.closeAllConnections());

    queues.start();
    stops.push(() => queues.stop());
    stream.start();
    stops.push(() => stream.stop());
    if (options.timers ?? true) {
      scheduler.start();
      stops.push(() => scheduler.stop());
    }

    await seedStaff();
    await seedTeams();
    const token = async (email: string, o?: MintOptions) => {
      const t = await oidc.mintToken(email, o);
      if (!t) throw new Error(`${email} is not a seeded user`);
      return t;
    };
    let seeded: Runtime['seeded'];
    if (options.seed) {
      seeded = await seedDemoData(baseUrl, token, options.seed === true ? undefined : options.seed);
      if (seeded) await seedLeads(baseUrl, token);
      if (seeded) await seedDeals(baseUrl, token);
      // Quotes go on the seeded deals, after them.
      if (seeded) await seedQuotes(baseUrl, token);
      // Tasks and activities on the seeded contacts (after them).
      if (seeded) await seedWork(baseUrl, token);
      // Contracts on the seeded reps' deals and companies (after the deals).
      if (seeded) await seedContracts(baseUrl, token);
      await seedForecast(baseUrl, token);
      await drain();
      await linkPortalUsers();
    }

    return {
      baseUrl,
      mailboxUrl: `http://localhost:${sesPort}/`,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      seeded,
      token,
      fireSchedule: (id, at) => scheduler.fire(id, at),
      drain,
      status: () => statusOf(bus, queues, stream, scheduler, invocations),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * The local keyring of sensitive fields (AWS uses the KMS field key): a 256-bit key in
 * `<dataDir>/field-key.bin`, made on first start and readable by the owner only; in memory when
 * the runtime keeps no data (tests).
 */
async function setUpFieldKey(dataDir: string | undefined): Promise<void> {
  if (!dataDir) {
    setLocalFieldKey(randomBytes(32));
    return;
  }
  const file = join(dataDir, 'field-key.bin');
  const existing = await readFile(file).catch(() => undefined);
  if (!existing) {
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, randomBytes(32), { mode: 0o600, flag: 'wx' });
  }
  await chmod(file, 0o600);
  process.env.FIELD_KEY_FILE = file;
}
