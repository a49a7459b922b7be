import type { FunctionRoutes } from '../shared/http/route-decl.js';
import type { Manifest, RouteDecl } from './manifest.types.js';

/**
 * The system described once. The CDK app (infra/app.ts) and the local runtime (infra/local/)
 * both loop over this object; nothing about routing or wiring is written anywhere else.
 * It is plain data, so handlers may import it to look up their routes' permissions.
 */

const FUNCTIONS = {
  customers: {
    entry: 'functions/customers/handler.ts',
    description: 'Contacts, companies and custom-field definitions',
    memoryMb: 512,
    timeoutSeconds: 10,
    // Reads and writes sensitive field values; re-encryption jobs start through the outbox (jobStarter).
    grants: { table: 'write', fieldKey: true },
  },
  platform: {
    entry: 'functions/platform/handler.ts',
    description: 'Health check, the signed-in user, the staff directory and the OpenAPI document',
    memoryMb: 256,
    timeoutSeconds: 5,
    grants: { table: 'read' },
  },
  audit: {
    entry: 'functions/audit/handler.ts',
    description: 'The audit log: who changed what and when, with CSV export',
    memoryMb: 512,
    timeoutSeconds: 15,
    grants: { table: 'read' },
  },
  users: {
    entry: 'functions/users/handler.ts',
    description: 'User administration: staff list, invitations, roles, disable and enable',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'write', userDirectory: true },
  },
  teams: {
    entry: 'functions/teams/handler.ts',
    description: 'Teams and their members, and bulk reassignment of record ownership',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  forecast: {
    entry: 'functions/forecast/handler.ts',
    description: 'Quotas, the sales forecast and the sales dashboard figures (from bounded reads of the deals indexes)',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  deals: {
    entry: 'functions/deals/handler.ts',
    description: 'Pipelines, deals, the board with its maintained column totals, and the deal list',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  apiDocs: {
    entry: 'functions/api-docs/handler.ts',
    description: "The API's OpenAPI 3.1 document, generated from the manifest and the routes' contracts",
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: {},
  },
  service: {
    entry: 'functions/service/handler.ts',
    description: 'The service desk: business calendars with their due-time preview, and SLA policies',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  jobStarter: {
    entry: 'functions/jobs/job-starter.ts',
    description: "Queues the first page of a background job when its request's audit event arrives (an outbox)",
    timeoutSeconds: 10,
    grants: { sendTo: ['reassign', 'reencrypt'] },
  },
  reassignWorker: {
    entry: 'functions/jobs/reassign-worker.ts',
    description: 'Moves one page of a bulk reassignment: each record with its audit record',
    timeoutSeconds: 60,
    grants: { table: 'write', sendTo: ['reassign'] },
  },
  reencryptWorker: {
    entry: 'functions/jobs/reencrypt-worker.ts',
    description: 'Re-encrypts a page of records after a built-in field sensitivity change, each with its audit',
    timeoutSeconds: 120,
    // Seals and opens values with the field key; queues the job's next page.
    grants: { table: 'write', fieldKey: true, sendTo: ['reencrypt'] },
  },
  companyNameSync: {
    entry: 'functions/jobs/company-name-sync.ts',
    description: "Copies a renamed company's name to its contacts (companyName), each with its audit record",
    timeoutSeconds: 300,
    grants: { table: 'write' },
  },
  work: {
    entry: 'functions/work/handler.ts',
    description: 'Tasks (with due reminders), activities logged on records, and the personal home page',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  tokenClaims: {
    entry: 'functions/identity/pre-token-generation.ts',
    description: "Adds the user's teams to staff ID tokens (custom:teams) before Cognito issues them",
    timeoutSeconds: 5,
    grants: { table: 'read' },
  },
  signInRecorder: {
    entry: 'functions/identity/post-authentication.ts',
    description: "Records a staff user's last sign-in (lastSignInAt) on their profile after Cognito authenticates them",
    timeoutSeconds: 5,
    grants: { table: 'update' },
  },
  outboxRelay: {
    entry: 'functions/jobs/outbox-relay.ts',
    description: 'Publishes audit/outbox records from the table stream as domain events',
    timeoutSeconds: 30,
    grants: { bus: true },
  },
  purgeSweep: {
    entry: 'functions/jobs/purge-sweep.ts',
    description: 'Finds soft-deleted records past their restore window and queues them for purging',
    timeoutSeconds: 60,
    grants: { table: 'read', sendTo: ['purge'] },
  },
  purgeWorker: {
    entry: 'functions/jobs/purge-worker.ts',
    description: 'Purges soft-deleted records for good, with an audit record',
    timeoutSeconds: 30,
    grants: { table: 'write' },
  },
  leads: {
    entry: 'functions/leads/handler.ts',
    description: 'The lead pool (claim, release), new leads assigned by team rules, lead rules, duplicate check',
    memoryMb: 256,
    timeoutSeconds: 10,
    // fieldKey: the duplicate check matches a sensitive phone by its blind index (key from the field key).
    grants: { table: 'write', fieldKey: true },
  },
  leadReturnSweep: {
    entry: 'functions/jobs/lead-return-sweep.ts',
    description: "Returns leads with no follow-up within their team's N days to the team's lead pool",
    timeoutSeconds: 120,
    grants: { table: 'write' },
  },
  leadTracker: {
    entry: 'functions/jobs/lead-tracker.ts',
    description: "Starts or stops a lead's follow-up clock when a contact is created or changes owner",
    timeoutSeconds: 30,
    grants: { table: 'write' },
  },
  notifier: {
    entry: 'functions/jobs/notifier.ts',
    description: 'In-app notification and e-mail for reminders and assignments (shared/domain/notifications/kinds.ts)',
    timeoutSeconds: 30,
    grants: { table: 'write', email: true },
  },
  notifications: {
    entry: 'functions/notifications/handler.ts',
    description: "A user's own in-app notifications and e-mail preferences",
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  contracts: {
    entry: 'functions/contracts/handler.ts',
    description: 'Contracts with reminders, attachments (presigned storage URLs), payments and receivables',
    memoryMb: 512,
    timeoutSeconds: 10,
    grants: { table: 'write', attachments: true },
  },
  reminderSweep: {
    entry: 'functions/jobs/reminder-sweep.ts',
    description: 'Fires due reminders (contract.expiring, task.due) through the due index, each once',
    timeoutSeconds: 60,
    grants: { table: 'write' },
  },
  quotes: {
    entry: 'functions/quotes/handler.ts',
    description: 'The price list (products) and quotes on deals',
    memoryMb: 256,
    timeoutSeconds: 10,
    grants: { table: 'write' },
  },
  quotePdf: {
    entry: 'functions/quotes/pdf-handler.ts',
    description: 'Quote documents: renders a quote as a PDF and e-mails it to a contact',
    // Font cutting (HarfBuzz in WebAssembly) and PDF layout are CPU-bound: more memory is more CPU.
    memoryMb: 1024,
    timeoutSeconds: 30,
    grants: { table: 'write', email: true },
    // The quote font and the HarfBuzz subsetter, read beside the bundle at run time.
    assets: ['functions/quotes/fonts'],
  },
} as const satisfies Manifest['functions'];

type FunctionId = keyof typeof FUNCTIONS;

const staff = (
  method: RouteDecl['method'],
  path: string,
  fn: FunctionId,
  permission: NonNullable<RouteDecl['permission']>,
): RouteDecl<FunctionId> => ({ method, path, function: fn, audience: 'staff', permission });

/** The record routes every customer entity has: list, create, read, edit, delete, restore, timeline. */
function recordRoutes(base: string, resource: 'contacts' | 'companies'): RouteDecl<FunctionId>[] {
  return [
    staff('GET', `/api/${base}`, 'customers', `${resource}:read`),
    staff('POST', `/api/${base}`, 'customers', `${resource}:write`),
    staff('GET', `/api/${base}/{id}`, 'customers', `${resource}:read`),
    staff('PATCH', `/api/${base}/{id}`, 'customers', `${resource}:write`),
    staff('DELETE', `/api/${base}/{id}`, 'customers', `${resource}:delete`),
    staff('POST', `/api/${base}/{id}/restore`, 'customers', `${resource}:delete`),
    staff('GET', `/api/${base}/{id}/timeline`, 'customers', `${resource}:read`),
  ];
}

export const manifest = {
  service: 'cirrus-crm',
  eventSource: 'cirrus.crm',
  table: {
    id: 'crm',
    partitionKey: 'pk',
    sortKey: 'sk',
    // Overloaded GSIs; what each serves is written down in shared/db/keys.ts.
    indexes: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((n) => ({
      name: `gsi${n}`,
      partitionKey: `gsi${n}pk`,
      sortKey: `gsi${n}sk`,
    })),
    ttlAttribute: 'expiresAt',
    stream: 'NEW_AND_OLD_IMAGES',
  },
  functions: FUNCTIONS,
  routes: [
    { method: 'GET', path: '/api/health', function: 'platform', audience: 'public', permission: null },
    staff('GET', '/api/me', 'platform', 'staff:read'),
    staff('GET', '/api/staff', 'platform', 'staff:read'),
    // The API's own description (shared/http/openapi.ts): every staff role may read it, no one anonymously.
    staff('GET', '/api/openapi.json', 'apiDocs', 'staff:read'),
    ...recordRoutes('contacts', 'contacts'),
    ...recordRoutes('companies', 'companies'),
    staff('GET', '/api/custom-fields', 'customers', 'customFields:read'),
    staff('POST', '/api/custom-fields', 'customers', 'customFields:manage'),
    staff('PATCH', '/api/custom-fields/{entity}/{key}', 'customers', 'customFields:manage'),
    staff('DELETE', '/api/custom-fields/{entity}/{key}', 'customers', 'customFields:manage'),
    staff('PATCH', '/api/custom-fields/{entity}/built-in/{field}', 'customers', 'customFields:manage'),
    staff('GET', '/api/custom-fields/jobs/{id}', 'customers', 'customFields:manage'),
    staff('GET', '/api/teams', 'teams', 'staff:read'),
    staff('POST', '/api/teams', 'teams', 'teams:manage'),
    staff('PATCH', '/api/teams/{id}', 'teams', 'teams:manage'),
    staff('DELETE', '/api/teams/{id}', 'teams', 'teams:manage'),
    staff('POST', '/api/reassignments', 'teams', 'records:reassign'),
    staff('GET', '/api/reassignments/{id}', 'teams', 'records:reassign'),
    staff('GET', '/api/lead-pool', 'leads', 'leads:claim'),
    staff('POST', '/api/lead-pool/{id}/claim', 'leads', 'leads:claim'),
    staff('POST', '/api/lead-pool/{id}/release', 'leads', 'leads:claim'),
    staff('POST', '/api/leads', 'leads', 'contacts:write'),
    staff('GET', '/api/lead-rules', 'leads', 'leadPool:manage'),
    staff('PUT', '/api/lead-rules/{id}', 'leads', 'leadPool:manage'),
    staff('GET', '/api/duplicates', 'leads', 'contacts:read'),
    staff('GET', '/api/quotas', 'forecast', 'forecast:read'),
    staff('PUT', '/api/quotas', 'forecast', 'quotas:manage'),
    staff('GET', '/api/forecast', 'forecast', 'forecast:read'),
    staff('GET', '/api/dashboard/sales', 'forecast', 'salesDashboard:read'),
    staff('GET', '/api/pipelines', 'deals', 'pipelines:read'),
    staff('POST', '/api/pipelines', 'deals', 'pipelines:manage'),
    staff('PATCH', '/api/pipelines/{id}', 'deals', 'pipelines:manage'),
    staff('GET', '/api/deals', 'deals', 'deals:read'),
    staff('POST', '/api/deals', 'deals', 'deals:write'),
    staff('GET', '/api/deals/board', 'deals', 'deals:read'),
    staff('GET', '/api/deals/{id}', 'deals', 'deals:read'),
    staff('PATCH', '/api/deals/{id}', 'deals', 'deals:write'),
    staff('DELETE', '/api/deals/{id}', 'deals', 'deals:delete'),
    staff('POST', '/api/deals/{id}/stage', 'deals', 'deals:write'),
    staff('GET', '/api/deals/{id}/timeline', 'deals', 'deals:read'),
    staff('GET', '/api/tasks', 'work', 'tasks:read'),
    staff('POST', '/api/tasks', 'work', 'tasks:write'),
    staff('GET', '/api/tasks/{id}', 'work', 'tasks:read'),
    staff('PATCH', '/api/tasks/{id}', 'work', 'tasks:write'),
    staff('DELETE', '/api/tasks/{id}', 'work', 'tasks:write'),
    staff('POST', '/api/tasks/{id}/complete', 'work', 'tasks:write'),
    staff('GET', '/api/activities', 'work', 'activities:read'),
    staff('POST', '/api/activities', 'work', 'activities:write'),
    staff('PATCH', '/api/activities/{id}', 'work', 'activities:write'),
    staff('DELETE', '/api/activities/{id}', 'work', 'activities:write'),
    staff('GET', '/api/dashboard/home', 'work', 'dashboard:read'),
    staff('GET', '/api/audit', 'audit', 'audit:read'),
    staff('GET', '/api/audit/export', 'audit', 'audit:read'),
    staff('GET', '/api/users', 'users', 'users:read'),
    staff('POST', '/api/users', 'users', 'users:manage'),
    staff('PATCH', '/api/users/{id}', 'users', 'users:manage'),
    staff('GET', '/api/products', 'quotes', 'products:read'),
    staff('POST', '/api/products', 'quotes', 'products:manage'),
    staff('GET', '/api/products/{id}', 'quotes', 'products:read'),
    staff('PATCH', '/api/products/{id}', 'quotes', 'products:manage'),
    staff('DELETE', '/api/products/{id}', 'quotes', 'products:manage'),
    staff('GET', '/api/quotes', 'quotes', 'quotes:read'),
    staff('POST', '/api/quotes', 'quotes', 'quotes:write'),
    staff('GET', '/api/quotes/{id}', 'quotes', 'quotes:read'),
    staff('PATCH', '/api/quotes/{id}', 'quotes', 'quotes:write'),
    staff('POST', '/api/quotes/{id}/status', 'quotes', 'quotes:write'),
    staff('GET', '/api/quotes/{id}/pdf', 'quotePdf', 'quotes:read'),
    staff('POST', '/api/quotes/{id}/send', 'quotePdf', 'quotes:write'),
    staff('GET', '/api/contracts', 'contracts', 'contracts:read'),
    staff('POST', '/api/contracts', 'contracts', 'contracts:write'),
    staff('GET', '/api/contracts/{id}', 'contracts', 'contracts:read'),
    staff('PATCH', '/api/contracts/{id}', 'contracts', 'contracts:write'),
    staff('POST', '/api/contracts/{id}/renew', 'contracts', 'contracts:write'),
    staff('POST', '/api/contracts/{id}/terminate', 'contracts', 'contracts:write'),
    staff('POST', '/api/contracts/{id}/attachments', 'contracts', 'contracts:write'),
    staff('POST', '/api/contracts/{id}/attachments/{attachmentId}/confirm', 'contracts', 'contracts:write'),
    staff('GET', '/api/contracts/{id}/attachments/{attachmentId}', 'contracts', 'contracts:read'),
    staff('POST', '/api/contracts/{id}/payments', 'contracts', 'payments:manage'),
    staff('GET', '/api/companies/{id}/receivables', 'contracts', 'contracts:read'),
    staff('GET', '/api/notifications', 'notifications', 'notifications:read'),
    staff('POST', '/api/notifications/{id}/read', 'notifications', 'notifications:read'),
    staff('POST', '/api/notifications/read-all', 'notifications', 'notifications:read'),
    staff('GET', '/api/me/notification-preferences', 'notifications', 'notifications:read'),
    staff('PUT', '/api/me/notification-preferences', 'notifications', 'notifications:read'),
    // Service desk settings: admins edit calendars; agents and managers read them (SLA clocks).
    staff('GET', '/api/business-calendars', 'service', 'serviceSettings:read'),
    staff('POST', '/api/business-calendars', 'service', 'serviceSettings:manage'),
    staff('GET', '/api/business-calendars/{id}', 'service', 'serviceSettings:read'),
    staff('PATCH', '/api/business-calendars/{id}', 'service', 'serviceSettings:manage'),
    staff('GET', '/api/business-calendars/{id}/due', 'service', 'serviceSettings:read'),
    staff('GET', '/api/sla-policies', 'service', 'serviceSettings:read'),
    staff('POST', '/api/sla-policies', 'service', 'serviceSettings:manage'),
    staff('GET', '/api/sla-policies/{id}', 'service', 'serviceSettings:read'),
    staff('PATCH', '/api/sla-policies/{id}', 'service', 'serviceSettings:manage'),
    staff('DELETE', '/api/sla-policies/{id}', 'service', 'serviceSettings:manage'),
    // One's own MFA: every staff member may enrol (admins and sysadmins must; see shared/identity/mfa.ts).
    staff('GET', '/api/me/mfa', 'users', 'staff:read'),
    staff('POST', '/api/me/mfa/totp', 'users', 'staff:read'),
    staff('POST', '/api/me/mfa/totp/verify', 'users', 'staff:read'),
  ],
  schedules: [
    {
      id: 'lead-return-sweep',
      expression: 'rate(1 hour)',
      function: 'leadReturnSweep',
      description: "Return leads with no follow-up within their team's N days to the lead pool",
    },
    {
      id: 'reminder-sweep',
      expression: 'rate(5 minutes)',
      function: 'reminderSweep',
      description: 'Fire due reminders: contract expiry, task due times',
    },
    {
      id: 'purge-sweep',
      expression: 'rate(1 hour)',
      function: 'purgeSweep',
      description: 'Purge records deleted more than 30 days ago',
    },
  ],
  rules: [
    {
      id: 'track-leads',
      pattern: {
        source: ['cirrus.crm'],
        detailType: ['contact.created', 'contact.updated', 'contact.deleted', 'contact.restored'],
      },
      function: 'leadTracker',
      description: 'Start or stop the follow-up clock of a lead changed outside the lead pool (owner, stage, trash)',
    },
    {
      id: 'notify',
      // Exactly NOTIFYING_EVENTS of shared/domain/notifications/kinds.ts (a unit test keeps them equal).
      pattern: {
        source: ['cirrus.crm'],
        detailType: [
          'contract.expiring',
          'contract.expired',
          'task.due',
          'task.assigned',
          'deal.assigned',
          'contact.assigned',
          'company.assigned',
        ],
      },
      function: 'notifier',
      description: 'In-app notification and e-mail to the person a reminder or an assignment is for',
    },
    {
      id: 'start-jobs',
      // Exactly JOB_REQUESTED_EVENTS of shared/domain/jobs/job-events.ts (a unit test keeps them equal).
      pattern: { source: ['cirrus.crm'], detailType: ['reassignment.requested', 'reencryption.requested'] },
      function: 'jobStarter',
      description: 'Start a background job (bulk reassignment, re-encryption) written with its audit record',
    },
    {
      id: 'sync-company-name',
      pattern: { source: ['cirrus.crm'], detailType: ['company.updated'] },
      function: 'companyNameSync',
      description: "Keep contacts' companyName in step with their company's name",
    },
  ],
  queues: [
    {
      id: 'purge',
      consumer: 'purgeWorker',
      batchSize: 10,
      maxConcurrency: 2,
      visibilityTimeoutSeconds: 60,
      maxReceiveCount: 3,
    },
    {
      // One message is one page of a bulk reassignment; pages of a job follow one another.
      id: 'reassign',
      consumer: 'reassignWorker',
      batchSize: 1,
      maxConcurrency: 2,
      visibilityTimeoutSeconds: 120,
      maxReceiveCount: 5,
    },
    {
      // One message is one page of a re-encryption job; pages of a job follow one another.
      id: 'reencrypt',
      consumer: 'reencryptWorker',
      batchSize: 1,
      maxConcurrency: 2,
      visibilityTimeoutSeconds: 240,
      maxReceiveCount: 5,
    },
  ],
  streams: [{ function: 'outboxRelay', itemType: 'Audit', batchSize: 100 }],
  identityTriggers: [
    { pool: 'staff', trigger: 'preTokenGeneration', function: 'tokenClaims' },
    { pool: 'staff', trigger: 'postAuthentication', function: 'signInRecorder' },
  ],
} as const satisfies Manifest<FunctionId>;

export type { FunctionId };

/** The routes one function serves, as declared above: what its handler is built from and checked against. */
export function routesOf(functionId: FunctionId): FunctionRoutes {
  return { functionId, decls: manifest.routes.filter((r) => r.function === functionId) };
}
