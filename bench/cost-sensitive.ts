import type { Runtime } from '../infra/local/runtime.js';
import { apiClient, apiMeasurer, type Call, type RequestBudget } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of sensitive built-in fields: marking the contact phone sensitive (the request,
 * and the re-encryption job over the stored contacts as its background cost), reading a contact
 * with a sealed phone, matching a sensitive phone exactly (search and duplicate check through the
 * blind index), the job's progress, and turning it off again (so later measurements see plain
 * phones). Runs last: it rewrites every contact.
 */
const ADMIN = 'admin@cirrus.local';
const REP = 'sales1@cirrus.local';
const SUPPORT = 'support@cirrus.local';
const CONTACTS = 40;

type Setting = { version: number; job?: { id: string } };

/** The toggle's own cost is 2 (the set, one transaction with the job); see the reason. */
const TOGGLE_BUDGET: RequestBudget = {
  limit: 3,
  reason:
    'The request reads the settings (GetItem) and writes the setting, its audit record and the job in one transaction, then queues the first page; the local queue delivers it at once, so the worker reading the job (GetItem) may be counted before the response arrives. Each page then costs 1 Query, a transaction per record rewritten and 2 updates of the job: background.',
};

export async function measureSensitiveCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [ADMIN, REP, SUPPORT]);
  const measured = apiMeasurer(runtime, send, operations);
  const measure = <T>(name: string, as: string, call: Omit<Call, 'as'>, budget?: RequestBudget) =>
    measured<T>(name, { ...call, as }, 200, budget);

  const stamp = Date.now() % 10_000;
  let last = { id: '', phone: '' };
  for (let i = 0; i < CONTACTS; i++) {
    const phone = `+1 415 555 ${String((stamp + i) % 10_000).padStart(4, '0')}`;
    const made = await send<{ id: string }>({
      method: 'POST',
      path: '/api/contacts',
      as: REP,
      body: { name: `Bench Sensitive ${stamp}-${i}`, phone },
    });
    if (made.status !== 201) throw new Error(`bench contact: ${made.status}`);
    last = { id: made.body.id, phone };
  }
  const settings = await send<{ builtIn: { key: string; version: number }[] }>({
    method: 'GET',
    path: '/api/custom-fields?entity=contact',
    as: ADMIN,
  });
  const version = settings.body.builtIn.find((s) => s.key === 'phone')!.version;

  const on = await measure<Setting>(
    'mark contact phone sensitive (job in background)',
    ADMIN,
    {
      method: 'PATCH',
      path: '/api/custom-fields/contact/built-in/phone',
      body: { sensitive: true, readRoles: ['sales'], version },
    },
    TOGGLE_BUDGET,
  );
  await runtime.drain();
  await measure('re-encryption job progress', ADMIN, { method: 'GET', path: `/api/custom-fields/jobs/${on.job!.id}` });
  await measure('contact with a sealed phone, masked (support)', SUPPORT, {
    method: 'GET',
    path: `/api/contacts/${last.id}`,
  });
  await measure('contact with a sealed phone, opened (sales)', REP, {
    method: 'GET',
    path: `/api/contacts/${last.id}`,
  });
  await measure('search a sensitive phone by the whole number (blind index)', REP, {
    method: 'GET',
    path: `/api/contacts?q=${encodeURIComponent(last.phone)}`,
  });
  await measure('duplicate check by a sensitive phone (blind index)', REP, {
    method: 'GET',
    path: `/api/duplicates?phone=${encodeURIComponent(last.phone)}`,
  });
  await measure<Setting>(
    'turn phone sensitivity off (job in background)',
    ADMIN,
    {
      method: 'PATCH',
      path: '/api/custom-fields/contact/built-in/phone',
      body: { sensitive: false, version: version + 1 },
    },
    TOGGLE_BUDGET,
  );
  await runtime.drain();
  return operations;
}
