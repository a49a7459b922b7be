import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { seedContracts } from '../../infra/local/seed-contracts.js';
import { aCompany } from '../support/fixtures.js';
import { type Api, apiAs, startTestRuntime } from '../support/runtime.js';

/** The contracts demo data, seeded through the API as `npm start` does on a first start. */
type Contract = {
  id: string;
  status: string;
  ownerId: string;
  daysToEnd: number;
  paid: number;
  outstanding: number;
  overdue: number;
  schedule: unknown[];
  dealId?: string;
};

let runtime: Runtime;
let admin: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  for (let i = 0; i < 3; i++) expect((await admin.post('/api/companies', aCompany())).status).toBe(201);
  const deal = await apiAs(runtime, 'sales1@cirrus.local').post('/api/deals', {
    name: 'Seeded deal',
    amount: 100_000,
    currency: 'CNY',
    expectedCloseDate: '2031-01-31',
    companyId: (await admin.get<{ items: { id: string }[] }>('/api/companies?limit=1')).body.items[0]!.id,
  });
  expect(deal.status).toBe(201);
});
afterAll(async () => {
  await runtime?.stop();
});

describe('seedContracts', () => {
  it('creates contracts ending in 5, 20 and 40 days and one expired, with schedules and payments, once', async () => {
    expect(await seedContracts(runtime.baseUrl, runtime.token)).toBe(5);
    const list = await admin.get<{ items: Contract[] }>('/api/contracts?limit=50');
    const items = list.body.items;
    expect(items).toHaveLength(5);
    expect(items.map((c) => c.daysToEnd).sort((a, b) => a - b)).toEqual([-10, 5, 20, 40, 335]);
    // Expiring: within the contract's reminder window (30 days by default).
    expect(items.map((c) => c.status).sort()).toEqual(['active', 'active', 'expired', 'expiring', 'expiring']);
    expect(items.every((c) => c.schedule.length > 0)).toBe(true);
    expect(items.filter((c) => c.paid > 0)).toHaveLength(3);
    expect(items.some((c) => c.overdue > 0)).toBe(true);
    expect(new Set(items.map((c) => c.ownerId)).size).toBe(3);
    expect(items.some((c) => c.dealId)).toBe(true);
    // The expiring-soon list of the rep shows the contract ending in 5 days.
    const soon = await apiAs(runtime, 'sales1@cirrus.local').get<{ items: Contract[] }>(
      '/api/contracts?endingWithinDays=7',
    );
    expect(soon.body.items.map((c) => c.daysToEnd)).toEqual([5]);

    expect(await seedContracts(runtime.baseUrl, runtime.token)).toBe(0);
    expect((await admin.get<{ items: Contract[] }>('/api/contracts?limit=50')).body.items).toHaveLength(5);
  });
});
