import { daysBefore } from '../../shared/domain/notifications/reminder-times.js';
import { type SeedToken, seedApi } from './seed-api.js';

/**
 * Demo contracts on a first start, created through the API by their owners (so they carry
 * numbers, owners, teams, audit trails and reminders like real ones), on the owners' seeded deals
 * and their companies: contracts ending in 5, 20 and 40 days (the home page's "expiring soon" and
 * the reminder sweep have work), one that ended ten days ago, and a longer one; each with a
 * payment schedule, and payments recorded by finance on two of them, one of which leaves an
 * installment overdue. Nothing is written when a contract exists: a restart changes nothing.
 */
interface Plan {
  owner: string;
  title: string;
  /** Days from today; negative: in the past. */
  start: number;
  end: number;
  value: number;
  currency: string;
  paymentTerms: string;
  /** Installments as [days from today, share of the value in percent]. */
  installments: [number, number][];
  /** Paid by finance, in percent of the value. */
  paidPercent?: number;
}

const PLANS: readonly Plan[] = [
  {
    owner: 'sales1@cirrus.local',
    title: 'Annual support plan',
    start: -360,
    end: 5,
    value: 12_000_000,
    currency: 'CNY',
    paymentTerms: 'Net 30, two installments',
    installments: [
      [-330, 50],
      [-150, 50],
    ],
    paidPercent: 50,
  },
  {
    owner: 'sales2@cirrus.local',
    title: '年度维护合同',
    start: -345,
    end: 20,
    value: 8_400_000,
    currency: 'CNY',
    paymentTerms: '季度付款',
    installments: [
      [-300, 25],
      [-210, 25],
      [-120, 25],
      [-30, 25],
    ],
    paidPercent: 50,
  },
  {
    owner: 'sales1@cirrus.local',
    title: 'CRM rollout services',
    start: -140,
    end: 40,
    value: 4_500_000,
    currency: 'USD',
    paymentTerms: 'Net 15',
    installments: [
      [-120, 40],
      [10, 60],
    ],
  },
  {
    owner: 'sales2@cirrus.local',
    title: 'Pilot licence',
    start: -375,
    end: -10,
    value: 1_800_000,
    currency: 'CNY',
    paymentTerms: 'Prepaid',
    installments: [[-370, 100]],
    paidPercent: 100,
  },
  {
    owner: 'manager@cirrus.local',
    title: '私有化部署 licence',
    start: -30,
    end: 335,
    value: 25_000_000,
    currency: 'CNY',
    paymentTerms: 'Net 30, monthly',
    installments: [
      [0, 25],
      [90, 25],
      [180, 25],
      [270, 25],
    ],
  },
];

export async function seedContracts(baseUrl: string, token: SeedToken, now = new Date()): Promise<number> {
  const call = seedApi(baseUrl, token, 'contracts');
  const admin = 'admin@cirrus.local';
  const existing = await call<{ items: unknown[] }>(admin, 'GET', '/api/contracts?limit=1');
  if (existing.items.length > 0) return 0;
  const companies = (await call<{ items: { id: string }[] }>(admin, 'GET', '/api/companies?limit=20')).items;
  if (companies.length === 0) return 0;

  const today = now.toISOString().slice(0, 10);
  const day = (offset: number) => daysBefore(today, -offset);
  const dealsOf = new Map<string, { id: string; companyId?: string }[]>();
  let created = 0;
  for (const [n, plan] of PLANS.entries()) {
    if (!dealsOf.has(plan.owner)) {
      const deals = await call<{ items: { id: string; companyId?: string }[] }>(
        plan.owner,
        'GET',
        '/api/deals?limit=20',
      );
      dealsOf.set(
        plan.owner,
        deals.items.filter((d) => d.companyId),
      );
    }
    // The owner's n-th deal with a company, or (no deals seeded) a company alone.
    const deals = dealsOf.get(plan.owner)!;
    const deal = deals.length ? deals[n % deals.length] : undefined;
    const companyId = deal?.companyId ?? companies[n % companies.length]!.id;
    const schedule = plan.installments.map(([offset, percent], i) => ({
      dueDate: day(offset),
      amount: (plan.value * percent) / 100,
      label: `${i + 1}/${plan.installments.length}`,
    }));
    const contract = await call<{ id: string; version: number }>(plan.owner, 'POST', '/api/contracts', {
      title: plan.title,
      companyId,
      ...(deal ? { dealId: deal.id } : {}),
      startDate: day(plan.start),
      endDate: day(plan.end),
      value: plan.value,
      currency: plan.currency,
      paymentTerms: plan.paymentTerms,
      schedule,
    });
    created += 1;
    if (plan.paidPercent) {
      await call('finance@cirrus.local', 'POST', `/api/contracts/${contract.id}/payments`, {
        date: day(plan.installments[0]![0] + 3),
        amount: (plan.value * plan.paidPercent) / 100,
        method: 'bank_transfer',
        reference: `INV-${String(n + 1).padStart(4, '0')}`,
        version: contract.version,
      });
    }
  }
  return created;
}
