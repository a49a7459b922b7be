import { manifest } from '../manifest.js';
import { PORTAL_USERS } from './portal-users.js';
import { startRuntime } from './runtime.js';
import { LOCAL_PASSWORD, STAFF_USERS } from './staff-users.js';

/**
 * `npm start`: the whole CRM on this machine. Ports and the data folder come from the
 * environment: PORT (3000), DYNAMODB_PORT (8000), SES_PORT (8005), DATA_DIR (.data); LOCAL_ENFORCE_MFA=1
 * makes admins and sysadmins enrol TOTP before anything else, as in AWS.
 */
const port = Number(process.env.PORT ?? 3000);
const started = Date.now();
console.log('Starting Cirrus CRM locally…');
const runtime = await startRuntime({
  port,
  dynamoPort: Number(process.env.DYNAMODB_PORT ?? 8000),
  sesPort: Number(process.env.SES_PORT ?? 8005),
  dataDir: process.env.DATA_DIR ?? '.data',
  seed: true,
  enforceMfa: process.env.LOCAL_ENFORCE_MFA === '1',
});

let stopping = false;
const shutdown = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping every local service…`);
  await runtime.stop();
  process.exit(0);
};
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

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
