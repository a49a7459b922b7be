import { type SeedToken, seedApi } from './seed-api.js';

/**
 * Demo deals on a first start: ~60 deals of the seeded reps (sales1, sales2 and the manager, who
 * sells too) in every stage of the default pipeline, linked to seeded companies, created and
 * moved through the API by their owners, so they carry owners, teams, audit trails, stage
 * history and board totals like real deals. Some are won, some lost with a reason.
 * Nothing is written when the table already has a deal: a restart changes nothing.
 */
const REPS = ['sales1@cirrus.local', 'sales2@cirrus.local', 'manager@cirrus.local'] as const;
const OPEN_PATH = ['lead', 'intention', 'quote', 'negotiation'] as const;
const LOST_REASONS = ['price', 'competitor', 'no-budget', 'no-decision'] as const;
const PRODUCTS = [
  'CRM rollout',
  'Annual licence',
  'Data migration',
  'Support plan',
  'Training',
  '系统集成',
  '年度维护',
  '私有化部署',
];
const SOURCES = ['referral', 'website', 'trade show', 'cold call', 'partner'];

export const SEEDED_DEAL_COUNT = 60;

export async function seedDeals(baseUrl: string, token: SeedToken, now = new Date()): Promise<number> {
  const call = seedApi(baseUrl, token, 'deals');
  const admin = 'admin@cirrus.local';
  const existing = await call<{ items: unknown[] }>(admin, 'GET', '/api/deals?limit=1');
  if (existing.items.length > 0) return 0;
  const companies = (await call<{ items: { id: string; name: string }[] }>(admin, 'GET', '/api/companies?limit=60'))
    .items;

  const month = (offset: number, day: number) => {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
    const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
    return `${d.toISOString().slice(0, 8)}${String(Math.min(day, last)).padStart(2, '0')}`;
  };

  for (let i = 0; i < SEEDED_DEAL_COUNT; i++) {
    const rep = REPS[i % REPS.length]!;
    const company = companies.length ? companies[(i * 7) % companies.length] : undefined;
    // Every 6th deal is won, every 10th lost; the rest spread over the open stages.
    const outcome = i % 6 === 5 ? 'won' : i % 10 === 9 ? 'lost' : 'open';
    const depth = outcome === 'open' ? i % OPEN_PATH.length : 1 + (i % 3);
    const amount = (((i * 7919) % 90) + 10) * 10_000_00 + (i % 4) * 25_000_00;
    let deal = await call<{ id: string; version: number }>(rep, 'POST', '/api/deals', {
      name: `${PRODUCTS[i % PRODUCTS.length]} · ${company?.name ?? `Prospect ${i + 1}`}`,
      ...(company ? { companyId: company.id } : {}),
      amount,
      currency: i % 11 === 4 ? 'USD' : 'CNY',
      expectedCloseDate: month((i % 5) - 1, 5 + ((i * 3) % 24)),
      source: SOURCES[i % SOURCES.length],
      nextStep: i % 3 === 0 ? 'Send the proposal' : i % 3 === 1 ? '安排演示' : 'Call the decision maker',
    });
    for (const stageId of OPEN_PATH.slice(1, depth + 1)) {
      deal = await call(rep, 'POST', `/api/deals/${deal.id}/stage`, { stageId, version: deal.version });
    }
    if (outcome === 'won')
      await call(rep, 'POST', `/api/deals/${deal.id}/stage`, { stageId: 'won', version: deal.version });
    if (outcome === 'lost') {
      await call(rep, 'POST', `/api/deals/${deal.id}/stage`, {
        stageId: 'lost',
        version: deal.version,
        lostReason: LOST_REASONS[i % LOST_REASONS.length],
      });
    }
  }
  return SEEDED_DEAL_COUNT;
}
