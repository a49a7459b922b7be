import { type SeedToken, seedApi } from './seed-api.js';

/**
 * Demo tasks and activities, seeded through the API like the rest of the demo data, so each has
 * its owner and its audit trail: for each sales rep, tasks overdue, due today and upcoming (some
 * about their contacts, two about their open deals, so a deal page's tasks panel has some), and
 * calls, meetings and notes logged on their first contacts. The manager gives sales1 one task, so
 * an assignment notification shows too. Runs once, after the contacts and the deals are seeded.
 */
const REPS = ['sales1@cirrus.local', 'sales2@cirrus.local'] as const;

export async function seedWork(baseUrl: string, token: SeedToken, now = new Date()): Promise<void> {
  const call = seedApi(baseUrl, token, 'work');
  const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

  for (const rep of REPS) {
    const contacts = await call<{ items: { id: string; name: string }[] }>(rep, 'GET', '/api/contacts?limit=4');
    const [first, second, third] = contacts.items;
    const about = (c: { id: string } | undefined) => (c ? { related: { entity: 'contact', id: c.id } } : {});
    const tasks = [
      { title: 'Follow up on the proposal', dueAt: at(-26), priority: 'high', ...about(first) },
      { title: 'Send the signed NDA back', dueAt: at(-3), priority: 'urgent', ...about(second) },
      { title: 'Prepare the weekly pipeline review', dueAt: at(1), priority: 'normal' },
      { title: 'Call to confirm the demo', dueAt: at(3), priority: 'normal', ...about(third) },
      { title: 'Quarterly check-in', dueAt: at(72), priority: 'low', ...about(first) },
      { title: 'Renewal discussion', dueAt: at(24 * 9), priority: 'normal', ...about(second) },
    ];
    const deals = await call<{ items: { id: string }[] }>(rep, 'GET', '/api/deals?status=open&limit=2');
    const [deal, otherDeal] = deals.items;
    const onDeal = (d: { id: string } | undefined) => (d ? { related: { entity: 'deal', id: d.id } } : {});
    if (deal) tasks.push({ title: 'Send the revised quote', dueAt: at(5), priority: 'high', ...onDeal(deal) });
    if (otherDeal)
      tasks.push({ title: 'Confirm the decision date', dueAt: at(48), priority: 'normal', ...onDeal(otherDeal) });
    for (const task of tasks) await call(rep, 'POST', '/api/tasks', task);
    const activities = [
      { kind: 'call', subject: 'Intro call', durationMinutes: 15, outcome: 'connected', occurredAt: at(-72), c: first },
      { kind: 'email', subject: 'Sent the product overview', outcome: 'sent', occurredAt: at(-50), c: first },
      {
        kind: 'meeting',
        subject: 'Demo with the team',
        durationMinutes: 45,
        outcome: 'completed',
        occurredAt: at(-20),
        c: second,
      },
      {
        kind: 'note',
        subject: 'Budget approved for Q3',
        body: 'Decision maker: the CFO.',
        occurredAt: at(-2),
        c: third,
      },
    ];
    for (const { c, ...activity } of activities) {
      if (c) await call(rep, 'POST', '/api/activities', { ...activity, entity: 'contact', entityId: c.id });
    }
  }
  const sales1 = await call<{ id: string }>('sales1@cirrus.local', 'GET', '/api/me');
  await call('manager@cirrus.local', 'POST', '/api/tasks', {
    title: 'Update the forecast before Friday',
    dueAt: at(28),
    priority: 'high',
    assigneeId: sales1.id,
  });
}
