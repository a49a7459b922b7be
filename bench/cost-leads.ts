import type { Runtime } from '../infra/local/runtime.js';
import { STAFF_USERS } from '../infra/local/staff-users.js';
import { transactWrite } from '../shared/db/kit.js';
import { leadFollowUpTouch } from '../shared/db/leads.repository.js';
import { AppError } from '../shared/domain/common/errors.js';
import { DEFAULT_RULES } from '../shared/domain/leads/lead.schema.js';
import { apiClient, apiMeasurer, measureCost, recordOperation } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the leads context: the pool list, a claim and a release, a lead created by
 * the rules, the duplicate check, and the return sweep with a few due leads among many tracked
 * ones (its cost must follow the due count: a second run with nothing due shows the fixed part).
 */

const DAY = 86_400_000;
const TRACKED = 200;
const DUE = 5;
const SALES1_ID = STAFF_USERS.find((u) => u.email === 'sales1@cirrus.local')!.id;

type Rec = { id: string; version: number; ownerId: string; teamId?: string; createdAt: string };

export async function measureLeadCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  // A team of its own, so the sweep's due leads are exactly the ones made here; the rep signs in
  // after it exists, so their token lists it (custom:teams).
  const setup = await apiClient(runtime, ['admin@cirrus.local']);
  const made = await setup<{ id: string }>({
    method: 'POST',
    path: '/api/teams',
    body: { name: 'Bench leads', memberIds: [SALES1_ID] },
  });
  if (made.status !== 201) throw new Error(`Creating the bench team answered ${made.status}`);
  const team = made.body;
  const send = await apiClient(runtime, ['admin@cirrus.local', 'sales1@cirrus.local']);
  const measure = apiMeasurer(runtime, send, operations);

  const fixture = async <T>(method: 'POST' | 'PUT', path: string, body: unknown, expected: number): Promise<T> => {
    const res = await send<T>({ method, path, body });
    if (res.status !== expected) throw new Error(`Creating a bench fixture at ${path} answered ${res.status}`);
    return res.body;
  };

  await fixture(
    'PUT',
    `/api/lead-rules/${team.id}`,
    { ...DEFAULT_RULES, version: undefined, returnAfterDays: 10 },
    200,
  );
  const start = Date.now();
  const later = new Date(start + 8 * DAY).toISOString();
  const quiet = () => new AppError('conflict', 'leadPool.changed', 'bench');
  for (let i = 0; i < TRACKED + DUE; i++) {
    const lead = await fixture<Rec>('POST', '/api/leads', { name: `Bench lead ${i}`, teamId: team.id }, 201);
    // All but DUE of them were followed up 8 days later: not due 11 days after the start.
    if (i >= DUE) await transactWrite(leadFollowUpTouch({ ...lead, lifecycleStage: 'lead' }, later), quiet);
  }
  await runtime.drain();

  const sweep = async (name: string, at: Date, due: number) => {
    const { result, cost, background } = await measureCost(
      runtime,
      async () => (await runtime.fireSchedule('lead-return-sweep', at)) as Record<string, number>,
    );
    recordOperation(
      operations,
      {
        name: `${name} (returned ${result.returned})`,
        method: 'SCHEDULE',
        path: 'lead-return-sweep',
        as: 'scheduler',
        status: 200,
        expectedStatus: 200,
        requestBudget: {
          // Teams here: East, West, the bench team, and the shared pool.
          limit: 2 + 4 + 2 * due,
          reason:
            'A sweep, not a request: 2 Queries (teams, rules) + 1 Query per team’s due partition, then per due lead a BatchGetItem and a TransactWriteItems: it follows the due count, not the table',
        },
      },
      cost,
      background,
    );
    return result;
  };
  const at = new Date(start + 11 * DAY);
  const first = await sweep(`lead return sweep: ${DUE} due among ${TRACKED + DUE} tracked leads`, at, DUE);
  if (first.returned !== DUE) throw new Error(`The lead return sweep returned ${first.returned}, expected ${DUE}`);
  await sweep('lead return sweep: run again, nothing due', at, 0);

  const pool = await measure<{ items: { id: string }[] }>(
    'lead pool list (25), first page',
    { method: 'GET', path: `/api/lead-pool?teamId=${team.id}&limit=25`, as: 'sales1@cirrus.local' },
    200,
    {
      limit: 3,
      reason:
        'The pool Query, the teams Query for the pool picker (first page only) and one BatchGetItem of the listed leads’ states (the caller’s cooldowns) with the caller’s claim counter',
    },
  );
  if (pool.items.length === 0) throw new Error('The bench team’s pool is empty');
  // A fresh pool lead: the returned ones are in sales1's cooldown (they were theirs).
  const fresh = await fixture<Rec>(
    'POST',
    '/api/leads',
    { name: 'Bench pool lead', teamId: team.id, assign: 'pool' },
    201,
  );
  const target = fresh.id;
  await measure('lead pool claim', {
    method: 'POST',
    path: `/api/lead-pool/${target}/claim`,
    as: 'sales1@cirrus.local',
  });
  await measure('lead pool release', {
    method: 'POST',
    path: `/api/lead-pool/${target}/release`,
    as: 'sales1@cirrus.local',
  });
  await measure(
    'lead create, assigned by rules',
    {
      method: 'POST',
      path: '/api/leads',
      body: { name: 'Bench ruled lead', email: 'bench.ruled@example.com', teamId: team.id },
    },
    201,
    {
      limit: 3,
      reason:
        'One BatchGetItem (team, rules, company), the round-robin turn (an atomic UpdateItem outside the transaction: a failed create skips a turn, never doubles one) and the TransactWriteItems',
    },
  );
  await measure(
    'duplicate check (e-mail + phone + domain)',
    {
      method: 'GET',
      path: '/api/duplicates?email=bench.ruled%40example.com&phone=%2B14155550142&domain=example.org',
      as: 'sales1@cirrus.local',
    },
    200,
    {
      limit: 5,
      reason:
        'The field settings (one GetItem: is phone sensitive, so searched by its blind index?), the e-mail/domain guards (one BatchGetItem) and the phone index (one Query) in parallel, the matched records (one BatchGetItem), and the owners’ names when another rep owns one (one BatchGetItem)',
    },
  );
  return operations;
}
