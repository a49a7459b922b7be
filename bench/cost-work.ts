import type { Runtime } from '../infra/local/runtime.js';
import { dbUsage, resetDbUsage } from '../shared/db/metrics.js';
import { apiClient } from './api-cost.js';
import type { ApiOperationResult, DbCost } from './types.js';

/**
 * DynamoDB cost of the work context: "my tasks" (each view is one Query of the assignee's
 * open-task index), the home page (three bounded Queries in parallel), creating and completing a
 * task (one transaction with its reminder and audit record), logging a call (one BatchGet, one
 * transaction), and a page of the merged timeline (two Queries).
 */
const REP = 'sales1@cirrus.local';
const round = (n: number) => Math.round(n * 100) / 100;

export async function measureWorkCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [REP]);
  const measure = async <T>(
    name: string,
    call: { method: 'GET' | 'POST'; path: string; body?: unknown },
    expected = 200,
  ): Promise<T> => {
    await runtime.drain();
    resetDbUsage();
    const res = await send<T>({ ...call, as: REP });
    const cost = dbUsage();
    await runtime.drain();
    operations.push({
      name,
      method: call.method,
      path: call.path
        .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '{id}')
        .replace(/\?.*/, ''),
      as: 'sales1',
      status: res.status,
      expectedStatus: expected,
      cost: { ...cost, readCapacity: round(cost.readCapacity), writeCapacity: round(cost.writeCapacity) },
      background: subtract(dbUsage(), cost),
    });
    return res.body;
  };

  // A realistic list: a few dozen open tasks across yesterday, today and the coming weeks.
  const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
  for (let i = 0; i < 30; i++) {
    await send({
      method: 'POST',
      path: '/api/tasks',
      as: REP,
      body: { title: `Bench task ${i}`, dueAt: hours(i * 7 - 40) },
    });
  }
  const contacts = await send<{ items: { id: string }[] }>({ method: 'GET', path: '/api/contacts?limit=1', as: REP });
  const contactId = contacts.body.items[0]!.id;

  await measure('my tasks: today', { method: 'GET', path: '/api/tasks?view=today&tz=Asia/Shanghai' });
  await measure('my tasks: overdue', { method: 'GET', path: '/api/tasks?view=overdue&tz=Asia/Shanghai' });
  await measure('my tasks: upcoming', { method: 'GET', path: '/api/tasks?view=upcoming&tz=Asia/Shanghai' });
  await measure('home page', { method: 'GET', path: '/api/dashboard/home?tz=Asia/Shanghai' });
  const task = await measure<{ id: string; version: number }>(
    'create a task (with its reminder)',
    { method: 'POST', path: '/api/tasks', body: { title: 'Bench call back', dueAt: hours(2) } },
    201,
  );
  await measure('complete a task', { method: 'POST', path: `/api/tasks/${task.id}/complete`, body: {} });
  await measure(
    'log a call on a contact',
    {
      method: 'POST',
      path: '/api/activities',
      body: { kind: 'call', entity: 'contact', entityId: contactId, subject: 'Bench call', durationMinutes: 5 },
    },
    201,
  );
  await measure('contact timeline (changes + activities)', {
    method: 'GET',
    path: `/api/contacts/${contactId}/timeline?limit=25`,
  });
  return operations;
}

function subtract(after: DbCost, before: DbCost): DbCost {
  const byCommand: Record<string, number> = {};
  for (const [command, n] of Object.entries(after.byCommand)) {
    const d = n - (before.byCommand[command] ?? 0);
    if (d) byCommand[command] = d;
  }
  return {
    requests: after.requests - before.requests,
    byCommand,
    readCapacity: round(after.readCapacity - before.readCapacity),
    writeCapacity: round(after.writeCapacity - before.writeCapacity),
  };
}
