import { manifest } from '../manifest.js';
import { killChildGroups } from './child-processes.js';
import { PORTAL_USERS } from './portal-users.js';
import { isLoopback } from './ports.js';
import { type Runtime, startRuntime } from './runtime.js';
import { LOCAL_PASSWORD, STAFF_USERS } from './staff-users.js';

/**
 * `npm start`: the whole CRM on this machine. Ports, address and data folder come from the
 * environment: PORT (3000), DYNAMODB_PORT (8000), SES_PORT (8005), HOST (127.0.0.1), DATA_DIR
 * (.data); LOCAL_ENFORCE_MFA=1 makes admins and sysadmins enrol TOTP before anything else, as in
 * AWS; CIRRUS_TEST_TOKENS=1 serves POST /local/token to scripts on this machine.
 *
 * Stopping: the first SIGINT/SIGTERM stops every service, at whatever moment it arrives (during
 * the start, the demo seed or under load), and exits once DynamoDB Local's JVM is gone; if that
 * takes longer than FORCE_AFTER_MS, or a second signal arrives, every child's process group is
 * killed at once.
 */
const FORCE_AFTER_MS = 20_000;
/**
 * A signal this soon after the first is the same one arriving twice: a Ctrl-C reaches npm, the
 * shell and tsx too, and wrappers relay it. Only a later one means "force".
 */
const SAME_SIGNAL_MS = 200;
const host = process.env.HOST ?? '127.0.0.1';
const controller = new AbortController();
let runtime: Runtime | undefined;
let firstSignalAt = 0;

const force = (why: string) => {
  console.log(`${why}: killing every local service now.`);
  killChildGroups();
  process.exit(1);
};
const onSignal = (signal: NodeJS.Signals) => {
  if (controller.signal.aborted) {
    if (Date.now() - firstSignalAt > SAME_SIGNAL_MS) force(`${signal} again`);
    return;
  }
  firstSignalAt = Date.now();
  console.log(`\n${signal}: stopping every local service… (press Ctrl-C again to force)`);
  setTimeout(() => force(`Not stopped after ${FORCE_AFTER_MS / 1000} s`), FORCE_AFTER_MS).unref();
  controller.abort();
  // Started: stop it here. Still starting: startRuntime stops what it started and rejects below.
  if (runtime) void runtime.stop().then(() => process.exit(0));
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

if (!isLoopback(host) && host !== 'localhost') {
  console.warn(
    `HOST=${host}: the CRM listens beyond this machine. Its demo sign-ins share one public password; expose it only on a network you trust.`,
  );
}
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
console.log('Starting Cirrus CRM locally…');
try {
  runtime = await startRuntime({
    port,
    host,
    dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
    sesPort: Number(process.env.SES_PORT ?? 8005),
    dataDir: process.env.DATA_DIR ?? '.data',
    seed: true,
    enforceMfa: process.env.LOCAL_ENFORCE_MFA === '1',
    testTokens: process.env.CIRRUS_TEST_TOKENS === '1',
    signal: controller.signal,
  });
} catch (error) {
  if (controller.signal.aborted) process.exit(0);
  console.error(`Cirrus CRM could not start: ${(error as Error).message}`);
  process.exit(1);
}
if (controller.signal.aborted) {
  // The signal came after the start's last step: it is stopping already.
  await runtime.stop();
  process.exit(0);
}

const width = Math.max(...STAFF_USERS.map((u) => u.email.length));
console.log(`
Cirrus CRM is running (${((Date.now() - started) / 1000).toFixed(1)} s)${runtime.seeded ? `, seeded ${runtime.seeded.companies} companies and ${runtime.seeded.contacts} contacts` : ''}

  Console       ${runtime.baseUrl}/app/
  Portal        ${runtime.baseUrl}/portal/
  API health    ${runtime.baseUrl}/api/health
  Mailbox (SES) ${runtime.mailboxUrl}
  DynamoDB      ${runtime.dynamoEndpoint}  (table ${runtime.tableName})
  Routes        ${manifest.routes.length} · schedules ${manifest.schedules.length} · rules ${manifest.rules.length} · queues ${manifest.queues.length}

Sign in with any of these (password: ${LOCAL_PASSWORD}):
${STAFF_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.roles.join(', ')}`).join('\n')}
${PORTAL_USERS.map((u) => `  ${u.email.padEnd(width)}  portal customer`).join('\n')}

Press Ctrl-C to stop.`);
