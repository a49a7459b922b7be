import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import type { Figures } from '../../shared/domain/forecast/forecast.js';
import type { ForecastResult, SalesDashboard } from '../../shared/domain/forecast/forecast.schema.js';
import { addMonths, currentMonth, parsePeriod, quarterOf } from '../../shared/domain/forecast/period.js';
import type { Quota, QuotaList } from '../../shared/domain/forecast/quota.schema.js';
import { type Api, type ApiResponse, apiAs, startTestRuntime } from '../support/runtime.js';

/**
 * Quotas, the forecast and the sales dashboard through the real gateway against DynamoDB Local.
 * Seeded teams: East 华东 (manager, sales1) and West (sales2). Figures are checked against
 * values computed by hand from the deals each test creates.
 */
const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;
const SALES1 = idOf('sales1@cirrus.local');
const SALES2 = idOf('sales2@cirrus.local');
const MANAGER = idOf('manager@cirrus.local');

const THIS_MONTH = currentMonth(new Date());
const NEXT_MONTH = addMonths(THIS_MONTH, 1);
const inThisMonth = `${THIS_MONTH}-28`;

let runtime: Runtime;
let admin: Api;
let manager: Api;
let sales1: Api;
let sales2: Api;

type Deal = { id: string; version: number; status: string; amount: number };

/** PUT is not in the shared API client: one small call here. */
async function put<T>(who: string, path: string, body: unknown): Promise<ApiResponse<T>> {
  const res = await fetch(`${runtime.baseUrl}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${await runtime.token(who)}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
}

async function aDeal(api: Api, over: Record<string, unknown>): Promise<Deal> {
  const res = await api.post<Deal>('/api/deals', {
    name: `Forecast deal ${Math.random().toString(36).slice(2, 8)}`,
    amount: 10_000,
    currency: 'USD',
    expectedCloseDate: inThisMonth,
    ...over,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const usd = (figures: Figures[]) => figures.find((f) => f.currency === 'USD');
const rowOf = (res: ApiResponse<ForecastResult>, key: string) =>
  res.body.rows.find((r) => r.key === key && r.currency === 'USD');

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  manager = apiAs(runtime, 'manager@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');
  sales2 = apiAs(runtime, 'sales2@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

describe('quotas', () => {
  let sales1Quota: Quota;

  it('lets an admin set quotas for reps of any team, audited', async () => {
    const res = await put<{ items: Quota[] }>('admin@cirrus.local', `/api/quotas?period=${THIS_MONTH}`, {
      quotas: [
        { userId: SALES1, month: THIS_MONTH, amount: 40_000, currency: 'USD' },
        { userId: SALES2, month: THIS_MONTH, amount: 50_000, currency: 'USD' },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.map((q) => [q.userId, q.amount, q.version])).toEqual([
      [SALES1, 40_000, 1],
      [SALES2, 50_000, 1],
    ]);
    sales1Quota = res.body.items[0]!;
    const audit = await admin.get<{ items: { action: string; entityId: string }[] }>(
      `/api/audit?entity=quota&entityId=${encodeURIComponent(sales1Quota.id)}`,
    );
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((a) => a.action)).toEqual(['created']);
  });

  it('shows a manager their teams’ members and quotas only', async () => {
    const res = await manager.get<QuotaList>(`/api/quotas?period=${THIS_MONTH}`);
    expect(res.status).toBe(200);
    expect(res.body.people.map((p) => p.id).sort()).toEqual([MANAGER, SALES1].sort());
    expect(res.body.items.map((q) => q.userId)).toEqual([SALES1]);
  });

  it('shows a sales rep their own quota only', async () => {
    const res = await sales2.get<QuotaList>(`/api/quotas?period=${quarterOf(THIS_MONTH)}`);
    expect(res.status).toBe(200);
    expect(res.body.months).toEqual(parsePeriod(quarterOf(THIS_MONTH)).months);
    expect(res.body.people.map((p) => p.id)).toEqual([SALES2]);
    expect(res.body.items.map((q) => [q.userId, q.amount])).toEqual([[SALES2, 50_000]]);
  });

  it('refuses a manager another team’s rep with 403 naming the entry, and changes nothing', async () => {
    const res = await put('manager@cirrus.local', '/api/quotas', {
      quotas: [
        { userId: SALES1, month: THIS_MONTH, amount: 1, currency: 'USD', version: 1 },
        { userId: SALES2, month: THIS_MONTH, amount: 1, currency: 'USD', version: 1 },
      ],
    });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({
      error: { code: 'quota.out_of_scope', fields: { 'quotas.1.userId': expect.any(String) } },
    });
    const after = await admin.get<QuotaList>(`/api/quotas?period=${THIS_MONTH}`);
    expect(Object.fromEntries(after.body.items.map((q) => [q.userId, q.amount]))).toEqual({
      [SALES1]: 40_000,
      [SALES2]: 50_000,
    });
  });

  it('rejects a stale version with 409 and accepts the current one', async () => {
    const stale = await put('manager@cirrus.local', '/api/quotas', {
      quotas: [{ userId: SALES1, month: THIS_MONTH, amount: 45_000, currency: 'USD' }],
    });
    expect(stale.status).toBe(409);
    const fresh = await put<{ items: Quota[] }>('manager@cirrus.local', '/api/quotas', {
      quotas: [{ userId: SALES1, month: THIS_MONTH, amount: 45_000, currency: 'USD', version: sales1Quota.version }],
    });
    expect(fresh.status).toBe(200);
    expect(fresh.body.items[0]).toMatchObject({ amount: 45_000, version: 2 });
  });

  it.each([
    ['an unknown rep', { userId: 'nobody-here', month: THIS_MONTH, amount: 1, currency: 'USD' }, 'quotas.0.userId'],
    ['a negative amount', { userId: SALES1, month: THIS_MONTH, amount: -1, currency: 'USD' }, 'quotas.0.amount'],
    ['a month outside the period', { userId: SALES1, month: NEXT_MONTH, amount: 1, currency: 'USD' }, 'quotas.0.month'],
    ['a lower-case currency', { userId: SALES1, month: THIS_MONTH, amount: 1, currency: 'usd' }, 'quotas.0.currency'],
  ])('rejects %s with 400 naming the field', async (_title, quota, field) => {
    const res = await put('admin@cirrus.local', `/api/quotas?period=${THIS_MONTH}`, { quotas: [quota] });
    expect(res.status).toBe(400);
    expect(Object.keys((res.body as { error: { fields: object } }).error.fields)).toContain(field);
  });

  it('rejects a period that is neither a month nor a quarter', async () => {
    const res = await admin.get('/api/quotas?period=2026-Q5');
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { period: expect.any(String) } } });
  });

  it('lets no sales rep set a quota, not even their own', async () => {
    const res = await put('sales1@cirrus.local', '/api/quotas', {
      quotas: [{ userId: SALES1, month: THIS_MONTH, amount: 1, currency: 'USD', version: 2 }],
    });
    expect(res.status).toBe(403);
  });
});

describe('forecast', () => {
  let quoteDeal: Deal;

  beforeAll(async () => {
    // sales1 (East): 10,000 at 50 % and 3,333 at 75 % this month; 5,000 at 10 % next month.
    quoteDeal = await aDeal(sales1, { amount: 10_000, stageId: 'quote' });
    await aDeal(sales1, { amount: 3_333, stageId: 'negotiation' });
    await aDeal(sales1, { amount: 5_000, stageId: 'lead', expectedCloseDate: `${NEXT_MONTH}-05` });
    // sales2 (West): 20,000 at 25 % this month.
    await aDeal(sales2, { amount: 20_000, stageId: 'intention' });
  });

  it('computes a month’s figures per owner for an admin, as computed by hand', async () => {
    const res = await admin.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=owner`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.scope).toBe('all');
    // 10,000 × 50 % + 3,333 × 75 % = 5,000 + 2,499.75 → 7,500
    expect(rowOf(res, SALES1)).toMatchObject({
      name: 'Riley Zhang 张瑞',
      openCount: 2,
      pipeline: 13_333,
      weighted: 7_500,
      commit: 3_333,
      bestCase: 13_333,
      wonAmount: 0,
      quota: 45_000,
      attainment: 0,
      winRateCount: null,
    });
    expect(rowOf(res, SALES2)).toMatchObject({ pipeline: 20_000, weighted: 5_000, commit: 0, quota: 50_000 });
    expect(usd(res.body.totals)).toMatchObject({ pipeline: 33_333, weighted: 12_500, quota: 95_000 });
  });

  it('groups by team and company', async () => {
    const byTeam = await admin.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=team`);
    expect(rowOf(byTeam, 'team-east')).toMatchObject({ name: 'East 华东', pipeline: 13_333, quota: 45_000 });
    expect(rowOf(byTeam, 'team-west')).toMatchObject({ name: 'West', pipeline: 20_000, quota: 50_000 });
    const byCompany = await admin.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=company`);
    expect(byCompany.body.rows.map((r) => [r.key, r.currency, r.weighted])).toEqual([['company', 'USD', 12_500]]);
  });

  it('covers a quarter as its three months', async () => {
    const quarter = quarterOf(THIS_MONTH);
    const res = await sales1.get<ForecastResult>(`/api/forecast?period=${quarter}&by=owner`);
    expect(res.status).toBe(200);
    const nextInQuarter = quarterOf(NEXT_MONTH) === quarter;
    // The lead deal (5,000 at 10 %) counts when next month is in the same quarter.
    expect(rowOf(res, SALES1)).toMatchObject({
      pipeline: 13_333 + (nextInQuarter ? 5_000 : 0),
      weighted: 7_500 + (nextInQuarter ? 500 : 0),
    });
    expect(res.body.byMonth.map((m) => m.month)).toContain(THIS_MONTH);
  });

  it('shows a sales rep only their own figures, whatever they group by', async () => {
    for (const by of ['owner', 'team', 'company']) {
      const res = await sales2.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=${by}`);
      expect(res.status).toBe(200);
      expect(res.body.scope).toBe('owner');
      expect(usd(res.body.totals)).toMatchObject({ pipeline: 20_000, weighted: 5_000, quota: 50_000 });
      expect(JSON.stringify(res.body)).not.toContain(SALES1);
    }
  });

  it('shows a manager their teams’ figures only', async () => {
    const res = await manager.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=owner`);
    expect(res.status).toBe(200);
    expect(res.body.scope).toBe('team');
    expect(res.body.rows.map((r) => r.key)).toEqual([SALES1]);
    expect(JSON.stringify(res.body)).not.toContain(SALES2);
  });

  it('lets finance read the company’s figures and refuses support', async () => {
    const finance = await apiAs(runtime, 'finance@cirrus.local').get<ForecastResult>(
      `/api/forecast?period=${THIS_MONTH}&by=company`,
    );
    expect(finance.status).toBe(200);
    expect(usd(finance.body.totals)).toMatchObject({ pipeline: 33_333 });
    const support = await apiAs(runtime, 'support@cirrus.local').get(`/api/forecast?period=${THIS_MONTH}`);
    expect(support.status).toBe(403);
  });

  it('moves a deal won into won amount, commit and attainment', async () => {
    const won = await sales1.post<Deal>(`/api/deals/${quoteDeal.id}/stage`, {
      stageId: 'won',
      version: quoteDeal.version,
    });
    expect(won.status, JSON.stringify(won.body)).toBe(200);
    const res = await sales1.get<ForecastResult>(`/api/forecast?period=${THIS_MONTH}&by=owner`);
    // Open: 3,333 at 75 %; won: 10,000 closed now, in this month.
    expect(rowOf(res, SALES1)).toMatchObject({
      openCount: 1,
      pipeline: 3_333,
      weighted: 2_500,
      commit: 13_333,
      bestCase: 13_333,
      wonCount: 1,
      wonAmount: 10_000,
      quota: 45_000,
      attainment: 10_000 / 45_000,
      winRateCount: 1,
      averageDealSize: 10_000,
    });
  });
});

describe('sales dashboard', () => {
  it('gives an admin the funnel, forecast vs quota, win rate, deals closing and top reps', async () => {
    const res = await admin.get<SalesDashboard>('/api/dashboard/sales');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const d = res.body;
    expect(d.month).toBe(THIS_MONTH);
    const stage = (id: string) => d.funnel.stages.find((s) => s.stageId === id);
    expect(stage('negotiation')).toMatchObject({ count: 1, amounts: [{ currency: 'USD', amount: 3_333 }] });
    expect(stage('won')).toMatchObject({ count: 1, amounts: [{ currency: 'USD', amount: 10_000 }] });
    expect(usd(d.forecast.month)).toMatchObject({ wonAmount: 10_000, quota: 95_000, pipeline: 23_333 });
    expect(d.winRate).toHaveLength(6);
    expect(d.winRate.at(-1)).toEqual({ month: THIS_MONTH, wonCount: 1, lostCount: 0, winRate: 1 });
    expect(d.closingThisMonth.items.map((i) => i.amount)).toEqual([20_000, 3_333]);
    expect(d.topReps[0]).toMatchObject({ ownerId: SALES1, name: 'Riley Zhang 张瑞', wonAmount: 10_000 });
  });

  it('gives a manager their teams’ dashboard only', async () => {
    const res = await manager.get<SalesDashboard>('/api/dashboard/sales');
    expect(res.status).toBe(200);
    expect(res.body.closingThisMonth.items.map((i) => i.amount)).toEqual([3_333]);
    expect(res.body.funnel.stages.find((s) => s.stageId === 'intention')?.count).toBe(0);
    expect(JSON.stringify(res.body)).not.toContain(SALES2);
  });

  it('is not for sales reps or finance', async () => {
    expect((await sales1.get('/api/dashboard/sales')).status).toBe(403);
    expect((await apiAs(runtime, 'finance@cirrus.local').get('/api/dashboard/sales')).status).toBe(403);
  });
});
