import type { Runtime } from '../infra/local/runtime.js';
import { MERGED_TIMELINE } from './api-cost.js';
import { apiClient, apiMeasurer, type Call, type RequestBudget } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the work context: "my tasks" (each view is one Query of the assignee's
 * open-task index), the home page, creating and completing a task (one transaction with its
 * reminder and audit record), logging a call (one BatchGet, one transaction), a page of the
 * merged timeline (two Queries) and a record's open tasks (Get of the record + one Query).
 *
 * The home page is 6 requests for a rep, all in parallel and each bounded: overdue and today's
 * tasks (2 Queries of the rep's open-task index, ≤ 10 items each), recent activity (1 Query, ≤ 8),
 * open deals by stage (1 Query of the rep's maintained board totals, one small item per stage and
 * currency, however many deals; + 1 GetItem of the pipeline for stage order and labels) and
 * contracts expiring in 30 days (1 Query of the END index range, ≤ 5 + 1). A manager's contracts
 * read one partition per team (5 + teams). ~4 read units in all (measured).
 */
const REP = 'sales1@cirrus.local';
const MANAGER = 'manager@cirrus.local';
const HOME_BUDGET = {
  limit: 6,
  reason:
    "Personal home page: six bounded reads of partitions that are already the caller's, in parallel (overdue and today tasks, recent activity, deal totals + pipeline labels, expiring contracts); it replaces the five pages a rep would otherwise open.",
};
const MANAGER_HOME_BUDGET = {
  limit: 6,
  reason: `${HOME_BUDGET.reason} A manager's expiring contracts read one END partition per team (here one team).`,
};

export async function measureWorkCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [REP, MANAGER]);
  const measured = apiMeasurer(runtime, send, operations, { defaultAs: REP });
  const measure = <T>(
    name: string,
    call: Omit<Call, 'as'>,
    expected = 200,
    options: { as?: string; budget?: RequestBudget } = {},
  ) => measured<T>(name, { ...call, ...(options.as ? { as: options.as } : {}) }, expected, options.budget);

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
  // The home page's deals and contracts: a few open deals and contracts ending soon and later.
  const companies = await send<{ items: { id: string }[] }>({ method: 'GET', path: '/api/companies?limit=1', as: REP });
  const companyId = companies.body.items[0]!.id;
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  for (const [i, stageId] of ['lead', 'lead', 'quote', 'negotiation'].entries()) {
    await send({
      method: 'POST',
      path: '/api/deals',
      as: REP,
      body: {
        name: `Bench home deal ${i}`,
        amount: 100_000 * (i + 1),
        currency: 'CNY',
        expectedCloseDate: day(40),
        stageId,
      },
    });
  }
  for (const days of [5, 12, 25, 60, 200]) {
    await send({
      method: 'POST',
      path: '/api/contracts',
      as: REP,
      body: {
        title: `Bench contract ${days}`,
        companyId,
        startDate: day(-300),
        endDate: day(days),
        value: 1_000_000,
        currency: 'CNY',
      },
    });
  }

  await measure('my tasks: today', { method: 'GET', path: '/api/tasks?view=today&tz=Asia/Shanghai' });
  await measure('my tasks: overdue', { method: 'GET', path: '/api/tasks?view=overdue&tz=Asia/Shanghai' });
  await measure('my tasks: upcoming', { method: 'GET', path: '/api/tasks?view=upcoming&tz=Asia/Shanghai' });
  await measure('home page', { method: 'GET', path: '/api/dashboard/home?tz=Asia/Shanghai' }, 200, {
    budget: HOME_BUDGET,
  });
  await measure(
    'home page (manager of one team)',
    { method: 'GET', path: '/api/dashboard/home?tz=Asia/Shanghai' },
    200,
    {
      as: MANAGER,
      budget: MANAGER_HOME_BUDGET,
    },
  );
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
  await measure("a contact's open tasks (its tasks panel)", {
    method: 'GET',
    path: `/api/tasks?related=contact:${contactId}&view=open`,
  });
  await measure(
    'contact timeline (changes + activities)',
    { method: 'GET', path: `/api/contacts/${contactId}/timeline?limit=25` },
    200,
    { budget: MERGED_TIMELINE },
  );
  return operations;
}
