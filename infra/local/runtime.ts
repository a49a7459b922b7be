import { randomBytes } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as sesLocalModule from 'aws-ses-v2-local';
import { setLocalFieldKey } from '../../shared/crypto/field-protection.js';
import { manifest } from '../manifest.js';
import { LocalBus } from './bus.js';
import { dropTable, ensureTable, startDynamoDbLocal } from './dynamodb-local.js';
import { lambdaContext, loadFunctions } from './functions.js';
import { answerClientError, createGateway } from './gateway.js';
import { type InvocationListener, Invocations } from './invocations.js';
import { jwtAuthorizer } from './jwt-authorizer.js';
import { type MintOptions, startLocalOidc } from './oidc.js';
import { linkPortalUsers } from './portal-users.js';
import { assertPortFree, freePort } from './ports.js';
import { LocalQueues } from './queues.js';
import { LocalScheduler } from './scheduler.js';
import { seedDemoData, seedStaff } from './seed.js';
import { seedContracts } from './seed-contracts.js';
import { seedDeals } from './seed-deals.js';
import { seedForecast } from './seed-forecast.js';
import { seedLeads } from './seed-leads.js';
import { markSeed, seedProgress } from './seed-progress.js';
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
  /** The local identity provider's clock: the instant of each sign-in (tests inject one). */
  clock?: () => Date;
  /** The address every local service listens on: loopback unless HOST says otherwise. */
  host?: string;
  /**
   * Serve POST /local/token (any seeded user's token without a password) to loopback callers:
   * for tests and the bench only (CIRRUS_TEST_TOKENS=1 with npm start). Off, it does not exist.
   */
  testTokens?: boolean;
  /** Aborting stops whatever has started, at any moment of the start (npm start's Ctrl-C). */
  signal?: AbortSignal;
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
  /**
   * Calls `listener` after every function invocation, with what started it and the DynamoDB
   * requests it made itself (the bench's per-operation cost); answers the function that stops it.
   */
  onInvocation(listener: InvocationListener): () => void;
  status(): ReturnType<typeof statusOf>;
  /** Stops every service, DynamoDB Local's JVM last, and resolves once its port is free. Idempotent. */
  stop(): Promise<void>;
}

const ROOT = resolve(import.meta.dirname, '../..');

// aws-ses-v2-local is CommonJS with `exports.default`; under ESM interop that default sits one level down.
type StartSes = (config: { host: string; port: number }) => Promise<Server>;
const sesExports = sesLocalModule as unknown as { default: StartSes | { default: StartSes } };
const startSesLocal: StartSes =
  typeof sesExports.default === 'function' ? sesExports.default : sesExports.default.default;

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

/** The variables of `npm start` that move each port, named when a port is taken. */
const PORT_VARIABLES = { port: 'PORT', dynamoPort: 'DYNAMODB_PORT', sesPort: 'SES_PORT' } as const;
/** A stop step that hangs (a connection that never closes) must not hold the others up. */
const STOP_STEP_MS = 10_000;

export async function startRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const host = options.host ?? '127.0.0.1';
  const signal = options.signal;
  for (const [option, variable] of Object.entries(PORT_VARIABLES)) {
    const wanted = options[option as keyof typeof PORT_VARIABLES];
    if (wanted) await assertPortFree(host, wanted, variable);
  }
  const port = options.port || (await freePort(host));
  const dynamoPort = options.dynamoPort || (await freePort(host));
  const sesPort = options.sesPort || (await freePort(host));
  const baseUrl = `http://localhost:${port}`;
  const tableName = `${manifest.service}-${manifest.table.id}`;

  // Stop steps run last-started first. A step added once stopping has begun (a service whose
  // start was already under way) is run by the next pass, which every stop() call chains and
  // awaits, so nothing started is left behind and the caller sees it stopped.
  const stops: (() => Promise<void> | void)[] = [];
  let stopRequested = false;
  let stopped: Promise<void> = Promise.resolve();
  const runStop = async (step: () => Promise<void> | void) => {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((done) => {
      timer = setTimeout(done, STOP_STEP_MS);
    });
    await Promise.race([
      Promise.resolve()
        .then(step)
        .catch(() => undefined),
      late,
    ]);
    clearTimeout(timer);
  };
  const stop = () => {
    stopRequested = true;
    stopped = stopped.then(async () => {
      for (let step = stops.pop(); step; step = stops.pop()) await runStop(step);
    });
    return stopped;
  };
  const onStop = (step: () => Promise<void> | void) => {
    stops.push(step);
    if (stopRequested) void stop();
  };
  const checkpoint = () => signal?.throwIfAborted();
  signal?.addEventListener('abort', () => void stop(), { once: true });
  let ready = false;

  try {
    checkpoint();
    const dynamo = await startDynamoDbLocal({
      port: dynamoPort,
      host,
      dataDir: options.dataDir && join(options.dataDir, 'dynamodb'),
      signal,
    });
    onStop(() => dynamo.stop());
    checkpoint();
    const ses: Server = await startSesLocal({ host, port: sesPort });
    onStop(() => new Promise<void>((r) => ses.close(() => r())));
    onStop(() => ses.closeAllConnections());
    checkpoint();
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
      POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? manifest.service,
    });
    await setUpFieldKey(options.dataDir);
    let streamArn = await ensureTable(dynamo.endpoint, tableName, manifest.table);
    let progress = options.seed ? await seedProgress() : 'done';
    if (progress === 'started') {
      // The first start was stopped during its demo seed: what it wrote is half a demo, which no
      // seed step can complete without duplicates. Nobody could work in it yet (health said
      // "starting"), so it is dropped and the seed runs again from the beginning.
      console.log('The last start was stopped while seeding the demo data: seeding it again from the start.');
      await dropTable(dynamo.endpoint, tableName);
      streamArn = await ensureTable(dynamo.endpoint, tableName, manifest.table);
      progress = 'none';
    }
    checkpoint();

    const functions = await loadFunctions();
    const invocations = new Invocations((id, event) =>
      functions[id as keyof typeof functions](event, lambdaContext(id)),
    );
    const bus = new LocalBus(manifest.rules, invocations.by('bus'));
    const queues = new LocalQueues(manifest.queues, baseUrl, invocations.by('queue'), options.visibilityScale ?? 1);
    const streamDecl = manifest.streams[0];
    const stream = new StreamPoller(dynamo.endpoint, streamArn, streamDecl, invocations.by('stream'));
    const scheduler = new LocalScheduler(manifest.schedules, invocations.by('schedule'));

    const oidc = await startLocalOidc({
      baseUrl,
      keyDir: options.dataDir,
      idTokenSeconds: options.idTokenSeconds,
      enforceMfa: options.enforceMfa,
      clock: options.clock,
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
        invoke: invocations.by('api'),
        bus,
        queues,
        isReady: () => ready,
        testTokens: options.testTokens === true,
        publicConfig: () => ({
          oidc: { authority: oidc.staff.issuer, clientId: oidc.staff.clientId, scope: 'openid email profile' },
          version: process.env.APP_VERSION ?? '0.1.0',
          mailboxUrl: `http://localhost:${sesPort}/`,
        }),
        local: {
          fireSchedule: (id, at) => scheduler.fire(id, at),
          drain,
          status: () => statusOf(bus, queues, stream, scheduler, invocations.counts),
        },
      }),
    );
    server.on('clientError', answerClientError);
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => done());
    });
    onStop(() => new Promise<void>((r) => server.close(() => r())));
    // Closing the connections also ends a demo seed in flight: its next API call fails at once.
    onStop(() => server.closeAllConnections());
    checkpoint();

    queues.start();
    onStop(() => queues.stop());
    stream.start();
    onStop(() => stream.stop());
    if (options.timers ?? true) {
      scheduler.start();
      onStop(() => scheduler.stop());
    }

    await seedStaff();
    await seedTeams();
    const token = async (email: string, o?: MintOptions) => {
      const t = await oidc.mintToken(email, o);
      if (!t) throw new Error(`${email} is not a seeded user`);
      return t;
    };
    let seeded: Runtime['seeded'];
    if (options.seed && progress === 'none') {
      // `started` first and `done` last: a start stopped in between is recognised next time.
      console.log('Seeding the demo data (first start)…');
      await markSeed('started');
      seeded = await seedDemoData(baseUrl, token, options.seed === true ? undefined : options.seed);
      await seedLeads(baseUrl, token);
      await seedDeals(baseUrl, token);
      // Quotes go on the seeded deals, after them.
      await seedQuotes(baseUrl, token);
      // Tasks and activities on the seeded contacts (after them).
      await seedWork(baseUrl, token);
      // Contracts on the seeded reps' deals and companies (after the deals).
      await seedContracts(baseUrl, token);
      await seedForecast(baseUrl, token);
      await drain();
      await linkPortalUsers();
      checkpoint();
      await markSeed('done');
    } else if (options.seed) {
      await seedForecast(baseUrl, token);
      await drain();
      await linkPortalUsers();
    }
    checkpoint();
    ready = true;

    return {
      baseUrl,
      mailboxUrl: `http://localhost:${sesPort}/`,
      dynamoEndpoint: dynamo.endpoint,
      tableName,
      seeded,
      token,
      fireSchedule: (id, at) => scheduler.fire(id, at),
      drain,
      onInvocation: (listener) => invocations.observe(listener),
      status: () => statusOf(bus, queues, stream, scheduler, invocations.counts),
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
