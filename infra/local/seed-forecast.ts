import { addMonths, currentMonth } from '../../shared/domain/forecast/period.js';
import { type SeedToken, seedApi } from './seed-api.js';
import { STAFF_USERS } from './staff-users.js';

/**
 * Demo quotas: each seeded rep (and the manager, who sells too) gets a monthly quota for the
 * previous, current and next month, set through the API by the admin, so they are audited like
 * quotas an admin types in. Only quotas not set yet are written: a restart changes nothing.
 */
const MONTHLY_QUOTAS: readonly { email: string; amount: number; currency: string }[] = [
  { email: 'sales1@cirrus.local', amount: 12_000_000, currency: 'CNY' },
  { email: 'sales2@cirrus.local', amount: 9_000_000, currency: 'CNY' },
  { email: 'manager@cirrus.local', amount: 5_000_000, currency: 'CNY' },
];

export async function seedForecast(baseUrl: string, token: SeedToken, now = new Date()): Promise<void> {
  const month = currentMonth(now);
  const months = [addMonths(month, -1), month, addMonths(month, 1)];
  const call = seedApi(baseUrl, token, 'quotas');
  const admin = 'admin@cirrus.local';
  const set = new Set<string>();
  for (const period of months) {
    const body = await call<{ items: { userId: string; month: string }[] }>(
      admin,
      'GET',
      `/api/quotas?period=${period}`,
      undefined,
      200,
    );
    for (const q of body.items) set.add(`${q.userId}.${q.month}`);
  }
  const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;
  const quotas = MONTHLY_QUOTAS.flatMap((q) =>
    months.map((m) => ({ userId: idOf(q.email), month: m, amount: q.amount, currency: q.currency })),
  ).filter((q) => !set.has(`${q.userId}.${q.month}`));
  if (quotas.length === 0) return;
  await call(admin, 'PUT', '/api/quotas', { quotas }, 200);
}
