import type { Runtime } from '../infra/local/runtime.js';
import { apiClient, apiMeasurer, pathWithQuery } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB requests and capacity per API operation of the foundation (contacts, companies, audit,
 * directory), measured as bench/measure.ts describes; paths keep their query string here.
 */

const SALES1_ID = '6f1c2a10-0004-4000-8000-000000000004';

type Rec = { id: string; version: number };

export interface ApiCosts {
  operations: ApiOperationResult[];
  scans: number;
  error?: string;
}

/** A record's timeline merges its audit trail and its activities: the record (scope), then one Query of each. */
export const MERGED_TIMELINE = {
  limit: 3,
  reason: 'GetItem of the record (scope check) + one Query of its audit trail + one Query of its activities, merged',
};

export async function measureApiCosts(runtime: Runtime): Promise<ApiCosts> {
  const operations: ApiOperationResult[] = [];
  let error: string | undefined;
  try {
    await runOperations(runtime, operations);
  } catch (e) {
    error = (e as Error).message;
  }
  const scans = operations.reduce(
    (n, op) => n + (op.cost.byCommand.ScanCommand ?? 0) + (op.background.byCommand.ScanCommand ?? 0),
    0,
  );
  return { operations, scans, error };
}

async function runOperations(runtime: Runtime, operations: ApiOperationResult[]): Promise<void> {
  const send = await apiClient(runtime, ['admin@cirrus.local', 'sales1@cirrus.local', 'sysadmin@cirrus.local']);

  /** Sends one request and records what it cost; returns the response for the next steps. */
  const measure = apiMeasurer<Rec>(runtime, send, operations, { path: pathWithQuery });

  // Fixtures (not measured): a company and a contact whose name, e-mail, phone and tag are known.
  const fixture = async (path: string, body: unknown): Promise<Rec> => {
    const res = await send<Rec>({ method: 'POST', path, body });
    if (res.status !== 201) throw new Error(`Creating a bench fixture at ${path} answered ${res.status}`);
    return res.body;
  };
  const company = await fixture('/api/companies', {
    name: 'Benchmark Industries',
    domain: 'benchmark-industries.example',
    tags: ['bench'],
  });
  const probe = await fixture('/api/contacts', {
    name: 'Bench Probe',
    email: 'bench.probe@example.com',
    phone: '+1 415 555 0142',
    address: { country: 'US' },
    companyId: company.id,
    tags: ['bench', 'vip'],
  });
  await runtime.drain();

  const c = '/api/contacts';
  await measure('contacts list (default)', { method: 'GET', path: `${c}?limit=20` });
  await measure('contacts list sorted by name', { method: 'GET', path: `${c}?sort=name&limit=20` });
  await measure('contacts list filtered by tag', { method: 'GET', path: `${c}?tag=bench&limit=20` });
  await measure('contacts search q (name prefix)', { method: 'GET', path: `${c}?q=Bench&limit=20` });
  await measure('contacts search q (e-mail)', { method: 'GET', path: `${c}?q=bench.probe%40example.com` });
  await measure('contacts search q (phone)', { method: 'GET', path: `${c}?q=%2B14155550142` });
  await measure('contacts of a company', { method: 'GET', path: `${c}?companyId=${company.id}&limit=20` });
  await measure('contacts list as sales (owner index)', {
    method: 'GET',
    path: `${c}?limit=20`,
    as: 'sales1@cirrus.local',
  });
  await measure('contacts get', { method: 'GET', path: `${c}/${probe.id}` });

  const created = await measure('contacts create', { method: 'POST', path: c, body: { name: 'Bench Created' } }, 201);
  const idempotent = { name: 'Bench Idempotent', email: 'bench.idempotent@example.com' };
  const key = { 'idempotency-key': `bench-${Date.now()}` };
  const first = await measure(
    'contacts create with Idempotency-Key',
    { method: 'POST', path: c, body: idempotent, headers: key },
    201,
  );
  const replayed = await measure(
    'contacts create, Idempotency-Key replay',
    { method: 'POST', path: c, body: idempotent, headers: key },
    201,
  );
  if (replayed.id !== first.id) throw new Error('The Idempotency-Key replay created another contact');

  const updated = await measure('contacts update (PATCH + version)', {
    method: 'PATCH',
    path: `${c}/${created.id}`,
    body: { title: 'Benchmark lead', version: created.version },
  });
  await measure('contacts update, reassign owner', {
    method: 'PATCH',
    path: `${c}/${created.id}`,
    body: { ownerId: SALES1_ID, version: updated.version },
  });
  await measure('contacts delete', { method: 'DELETE', path: `${c}/${created.id}` });
  await measure('contacts trash list', { method: 'GET', path: `${c}?view=deleted&limit=20` });
  await measure('contacts restore', { method: 'POST', path: `${c}/${created.id}/restore` });
  await measure(
    'contacts timeline',
    { method: 'GET', path: `${c}/${created.id}/timeline?limit=20` },
    200,
    MERGED_TIMELINE,
  );

  const co = '/api/companies';
  await measure('companies list', { method: 'GET', path: `${co}?limit=20` });
  await measure('companies search q (name prefix)', { method: 'GET', path: `${co}?q=Bench&limit=20` });
  await measure('companies get', { method: 'GET', path: `${co}/${company.id}` });
  await measure('companies create', { method: 'POST', path: co, body: { name: 'Bench Created Co' } }, 201);

  await measure('audit log (newest first)', { method: 'GET', path: '/api/audit?limit=20' });
  await measure('audit log of a record, filtered by action', {
    method: 'GET',
    path: `/api/audit?entity=contact&entityId=${created.id}&action=updated&limit=20`,
  });
  await measure('audit log as sysadmin, by actor', {
    method: 'GET',
    path: `/api/audit?actorId=${SALES1_ID}&limit=20`,
    as: 'sysadmin@cirrus.local',
  });

  await measure('custom-fields list', { method: 'GET', path: '/api/custom-fields' });
  await measure('staff directory', { method: 'GET', path: '/api/staff' });
  await measure('me', { method: 'GET', path: '/api/me' });
  await measure('health', { method: 'GET', path: '/api/health' });
}
