import type { Runtime } from '../infra/local/runtime.js';
import { addMonths, currentMonth, quarterOf } from '../shared/domain/forecast/period.js';
import { apiClient, apiMeasurer, type Call, type RequestBudget } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the forecast context: quotas read and set, the forecast of a month and of a
 * quarter for each scope, and the sales dashboard. None of them reads all deals: the forecast
 * makes one Query per month partition of the deals' close-month index per scope partition
 * (a rep: their owner partition; a manager: one per team; admin/finance: the company partition),
 * so its cost follows the deals closing in the period, not the size of the table. These
 * operations carry their own request bound (more than the 2 of a list, by design), each with
 * its reason, which the budget check applies instead of the default.
 */

const ADMIN = 'admin@cirrus.local';
const MANAGER = 'manager@cirrus.local';
const SALES1 = 'sales1@cirrus.local';
const SALES2 = 'sales2@cirrus.local';
const SALES1_ID = '6f1c2a10-0004-4000-8000-000000000004';
const SALES2_ID = '6f1c2a10-0005-4000-8000-000000000005';

/** Why each operation may make more than two requests (shown with the budget check). */
const MONTH_REASON =
  'forecast of a month: 1 Query of the close-month partition + 1 Query of the quotas (company: year index; rep: their partition); a manager adds the staff directory (1 Query) and reads quotas by key (1 BatchGetItem), and 1 Query per extra team';
const QUARTER_REASON =
  'forecast of a quarter: 3 Queries (one per month partition of the close-month index) + 1 Query of the quotas; by team adds the team list (1 Query)';
const DASHBOARD_REASON =
  'sales dashboard: 8 Queries at most (the 6 trend months and the rest of this quarter, one month partition each) + 1 Query of the board totals + 1 GetItem of the pipeline + 1 Query of the quotas (a manager: directory Query + BatchGetItem instead), per scope partition for the deal reads';

export async function measureForecastCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [ADMIN, MANAGER, SALES1, SALES2]);
  const month = currentMonth(new Date());
  const quarter = quarterOf(month);

  const measured = apiMeasurer(runtime, send, operations);
  const measure = <T>(name: string, call: Call, budget?: RequestBudget) => measured<T>(name, call, 200, budget);

  // Fixtures (not measured): deals of two reps of two teams, this month and next, one won; quotas.
  const deal = async (as: string, body: Record<string, unknown>) => {
    const res = await send<{ id: string; version: number }>({
      method: 'POST',
      path: '/api/deals',
      as,
      body: { currency: 'CNY', expectedCloseDate: `${month}-15`, ...body },
    });
    if (res.status !== 201) throw new Error(`Creating a forecast bench deal answered ${res.status}`);
    return res.body;
  };
  for (let i = 0; i < 10; i++) {
    await deal(SALES1, { name: `Bench forecast ${i}`, amount: 100_000 * (i + 1), stageId: 'quote' });
    await deal(SALES2, { name: `Bench forecast W${i}`, amount: 50_000 * (i + 1), stageId: 'intention' });
  }
  await deal(SALES1, { name: 'Bench next month', amount: 300_000, expectedCloseDate: `${addMonths(month, 1)}-10` });
  const toWin = await deal(SALES1, { name: 'Bench won', amount: 700_000, stageId: 'negotiation' });
  const won = await send({
    method: 'POST',
    path: `/api/deals/${toWin.id}/stage`,
    as: SALES1,
    body: { stageId: 'won', version: toWin.version },
  });
  if (won.status !== 200) throw new Error(`Winning a forecast bench deal answered ${won.status}`);
  await runtime.drain();

  const existing = await send<{ items: { userId: string; month: string; version: number }[] }>({
    method: 'GET',
    path: `/api/quotas?period=${month}`,
  });
  const versionOf = (userId: string) => existing.body.items.find((q) => q.userId === userId)?.version;
  await measure(
    'quotas set (2 reps, one transaction)',
    {
      method: 'PUT',
      path: `/api/quotas?period=${month}`,
      body: {
        quotas: [SALES1_ID, SALES2_ID].map((userId) => ({
          userId,
          month,
          amount: 15_000_000,
          currency: 'CNY',
          ...(versionOf(userId) ? { version: versionOf(userId) } : {}),
        })),
      },
    },
    {
      limit: 3,
      reason:
        'staff directory (1 Query) to check the reps, their quotas by key (1 BatchGetItem), one TransactWriteItems',
    },
  );
  await measure('quotas of a quarter (admin)', { method: 'GET', path: `/api/quotas?period=${quarter}` });
  await measure('quotas of a quarter (manager, by key)', {
    method: 'GET',
    path: `/api/quotas?period=${quarter}`,
    as: MANAGER,
  });

  const f = (period: string, by: string) => `/api/forecast?period=${period}&by=${by}`;
  await measure('forecast month as sales (owner partition)', { method: 'GET', path: f(month, 'owner'), as: SALES1 });
  await measure(
    'forecast month as manager (team partition)',
    { method: 'GET', path: f(month, 'owner'), as: MANAGER },
    { limit: 4, reason: MONTH_REASON },
  );
  await measure('forecast month by owner (company)', { method: 'GET', path: f(month, 'owner') });
  await measure(
    'forecast quarter by owner (company)',
    { method: 'GET', path: f(quarter, 'owner') },
    { limit: 4, reason: QUARTER_REASON },
  );
  await measure(
    'forecast quarter by team (company)',
    { method: 'GET', path: f(quarter, 'team') },
    { limit: 5, reason: QUARTER_REASON },
  );
  await measure(
    'forecast quarter as sales',
    { method: 'GET', path: f(quarter, 'owner'), as: SALES1 },
    { limit: 4, reason: QUARTER_REASON },
  );
  await measure(
    'sales dashboard (admin, company)',
    { method: 'GET', path: '/api/dashboard/sales' },
    { limit: 11, reason: DASHBOARD_REASON },
  );
  await measure(
    'sales dashboard (manager, one team)',
    { method: 'GET', path: '/api/dashboard/sales', as: MANAGER },
    { limit: 12, reason: DASHBOARD_REASON },
  );
  return operations;
}
