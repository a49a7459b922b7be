import { addMonths, currentMonth } from '../../shared/domain/forecast/period.js';
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

export async function seedForecast(
  baseUrl: string,
  token: (email: string) => Promise<string | undefined>,
  now = new Date(),
): Promise<void> {
  const month = currentMonth(now);
  const months = [addMonths(month, -1), month, addMonths(month, 1)];
  const auth = { authorization: `Bearer ${await token('admin@cirrus.local')}` };
  const set = new Set<string>();
  for (const period of months) {
    const res = await fetch(`${baseUrl}/api/quotas?period=${period}`, { headers: auth });
    if (res.status !== 200) throw new Error(`Reading quotas for the seed failed with ${res.status}`);
    const body = (await res.json()) as { items: { userId: string; month: string }[] };
    for (const q of body.items) set.add(`${q.userId}.${q.month}`);
  }
  const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;
  const quotas = MONTHLY_QUOTAS.flatMap((q) =>
    months.map((m) => ({ userId: idOf(q.email), month: m, amount: q.amount, currency: q.currency })),
  ).filter((q) => !set.has(`${q.userId}.${q.month}`));
  if (quotas.length === 0) return;
  const res = await fetch(`${baseUrl}/api/quotas`, {
    method: 'PUT',
    headers: { ...auth, 'content-type': 'application/json' },
    body: JSON.stringify({ quotas }),
  });
  if (res.status !== 200) throw new Error(`Seeding quotas failed with ${res.status}: ${await res.text()}`);
}
