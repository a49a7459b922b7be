import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, tableName } from '../../shared/db/client.js';
import { leadKeys } from '../../shared/db/keys.leads.js';
import { daysBefore } from '../../shared/domain/notifications/reminder-times.js';
import type { HomeDealStage, HomePage } from '../../shared/domain/work/home.js';
import { aDeal } from '../support/deal-fixtures.js';
import { aCompany, aContact } from '../support/fixtures.js';
import type { Api, Listed } from '../support/runtime.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/**
 * Tasks, activities, the merged record timeline and the home page, through the local gateway
 * against DynamoDB Local, with the seeded teams East 华东 (manager, sales1) and West (sales2).
 */
type Task = {
  id: string;
  title: string;
  dueAt: string;
  status: string;
  assigneeId: string;
  teamId?: string;
  version: number;
  completedAt?: string;
};
type Activity = { id: string; kind: string; subject: string; version: number; occurredAt: string };
type Entry = { type: 'change' | 'activity'; id: string; at: string; action?: string; activity?: Activity };

const env = setUpRuntime();
const { admin, manager, sales1, sales2 } = env;
const SALES1 = staffId('sales1@cirrus.local');
const SALES2 = staffId('sales2@cirrus.local');

const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

async function aTask(api: Api, body: Record<string, unknown> = {}): Promise<Task> {
  const res = await api.post<Task>('/api/tasks', { title: 'Call back Ann', dueAt: hours(1), ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function aContactOf(api: Api): Promise<{ id: string; version: number }> {
  const res = await api.post<{ id: string; version: number }>('/api/contacts', aContact());
  expect(res.status).toBe(201);
  return res.body;
}

describe('tasks', () => {
  it('a rep creates, reads, edits, completes and deletes their own task', async () => {
    const task = await aTask(sales1, { priority: 'high', description: 'About the renewal' });
    expect(task).toMatchObject({
      status: 'open',
      assigneeId: SALES1,
      priority: 'high',
      teamId: 'team-east',
      version: 1,
    });
    expect((await sales1.get(`/api/tasks/${task.id}`)).status).toBe(200);

    const edited = await sales1.patch<Task>(`/api/tasks/${task.id}`, { title: 'Call Ann today', version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Call Ann today', version: 2 });
    const stale = await sales1.patch(`/api/tasks/${task.id}`, { title: 'Too late', version: 1 });
    expect(stale.status).toBe(409);

    const done = await sales1.post<Task>(`/api/tasks/${task.id}/complete`, {});
    expect(done.body).toMatchObject({ status: 'done', version: 3 });
    expect(done.body.completedAt).toBeTruthy();
    const doneList = await sales1.get<Listed<Task>>('/api/tasks?view=done');
    expect(doneList.body.items.map((t) => t.id)).toContain(task.id);
    const openList = await sales1.get<Listed<Task>>('/api/tasks?view=open&limit=200');
    expect(openList.body.items.map((t) => t.id)).not.toContain(task.id);

    expect((await sales1.delete(`/api/tasks/${task.id}`)).status).toBe(204);
    expect((await sales1.get(`/api/tasks/${task.id}`)).status).toBe(404);
  });

  it("another rep's task and another team's task are 404 for the rep and the manager", async () => {
    const own = await aTask(sales2);
    expect((await sales1.get(`/api/tasks/${own.id}`)).status).toBe(404);
    expect((await sales1.patch(`/api/tasks/${own.id}`, { title: 'x', version: 1 })).status).toBe(404);
    expect((await sales1.post(`/api/tasks/${own.id}/complete`, {})).status).toBe(404);
    expect((await manager.get(`/api/tasks/${own.id}`)).status).toBe(404);
    expect((await admin.get(`/api/tasks/${own.id}`)).status).toBe(200);
  });

  it('buckets open tasks into overdue, today and upcoming in the caller time zone', async () => {
    const tz = 'Pacific/Kiritimati'; // UTC+14: "today" there is far from UTC's
    const now = new Date();
    const localMidnight = (dayOffset: number) => {
      // The next local midnight in UTC+14, then shifted by whole days.
      const local = new Date(now.getTime() + 14 * 3_600_000);
      const midnight =
        Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + dayOffset) - 14 * 3_600_000;
      return midnight;
    };
    const overdue = await aTask(sales2, { title: 'overdue', dueAt: new Date(localMidnight(0) - 60_000).toISOString() });
    const today = await aTask(sales2, { title: 'today', dueAt: new Date(localMidnight(0) + 60_000).toISOString() });
    const upcoming = await aTask(sales2, {
      title: 'upcoming',
      dueAt: new Date(localMidnight(1) + 60_000).toISOString(),
    });
    const ids = async (view: string) =>
      (await sales2.get<Listed<Task>>(`/api/tasks?view=${view}&tz=${encodeURIComponent(tz)}&limit=200`)).body.items.map(
        (t) => t.id,
      );
    expect(await ids('overdue')).toContain(overdue.id);
    expect(await ids('overdue')).not.toContain(today.id);
    expect(await ids('today')).toEqual(expect.arrayContaining([today.id]));
    expect(await ids('today')).not.toContain(overdue.id);
    expect(await ids('today')).not.toContain(upcoming.id);
    expect(await ids('upcoming')).toContain(upcoming.id);
    expect((await sales2.get('/api/tasks?view=today&tz=Mars/Olympus')).status).toBe(400);
  });

  it('a rep may not assign a task to someone else; a manager assigns within the team only', async () => {
    const refused = await sales1.post('/api/tasks', { title: 'For Jordan', dueAt: hours(2), assigneeId: SALES2 });
    expect(refused.status).toBe(403);
    expect((await manager.post('/api/tasks', { title: 'x', dueAt: hours(2), assigneeId: SALES2 })).status).toBe(403);
    const given = await aTask(manager, { title: 'Prepare the QBR', assigneeId: SALES1 });
    expect(given).toMatchObject({ assigneeId: SALES1, teamId: 'team-east' });
    // The assignee sees it in their list; the manager in the team's list.
    const mine = await sales1.get<Listed<Task>>('/api/tasks?view=open&limit=200');
    expect(mine.body.items.map((t) => t.id)).toContain(given.id);
    const team = await manager.get<Listed<Task>>('/api/tasks?teamId=team-east&limit=200');
    expect(team.body.items.map((t) => t.id)).toContain(given.id);
    expect((await manager.get('/api/tasks?teamId=team-west')).status).toBe(403);
    // A manager reads a member's list; a rep does not read another rep's.
    const asManager = await manager.get<Listed<Task>>(`/api/tasks?assigneeId=${SALES1}&limit=200`);
    expect(asManager.body.items.map((t) => t.id)).toContain(given.id);
    const asRep = await sales2.get<Listed<Task>>(`/api/tasks?assigneeId=${SALES1}`);
    expect(asRep.body.items).toEqual([]);
    // The assignee may complete it, but not delete what the manager created.
    expect((await sales1.delete(`/api/tasks/${given.id}`)).status).toBe(403);
  });

  it('assignment by a manager notifies the assignee in the app and by e-mail', async () => {
    const before = await mailCount();
    const given = await aTask(manager, { title: `Send the proposal ${Date.now()}`, assigneeId: SALES1 });
    await env.runtime.drain();
    const notes = await sales1.get<{ items: { kind: string; entityId: string }[] }>('/api/notifications');
    expect(notes.body.items.filter((n) => n.kind === 'task.assigned' && n.entityId === given.id)).toHaveLength(1);
    const mails = (await mailbox()).slice(before);
    expect(mails.some((m) => m.subject.includes(given.title) || m.text?.includes(given.title))).toBe(true);
  });

  it('a reminder at the due time is announced once as task.due, even when the sweep runs twice', async () => {
    const task = await aTask(sales1, { title: `Due soon ${Date.now()}`, dueAt: hours(2) });
    const at = new Date(Date.now() + 3 * 3_600_000);
    const first = (await env.runtime.fireSchedule('reminder-sweep', at)) as { fired: number };
    const second = (await env.runtime.fireSchedule('reminder-sweep', at)) as { fired: number };
    expect(first.fired).toBeGreaterThanOrEqual(1);
    expect(second.fired).toBe(0);
    await env.runtime.drain();
    const notes = await sales1.get<{ items: { kind: string; entityId: string }[] }>('/api/notifications?limit=50');
    expect(notes.body.items.filter((n) => n.kind === 'task.due' && n.entityId === task.id)).toHaveLength(1);
  });

  it('a completed task is not reminded', async () => {
    const task = await aTask(sales2, { title: 'Done early', dueAt: hours(5) });
    await sales2.post(`/api/tasks/${task.id}/complete`, {});
    await env.runtime.fireSchedule('reminder-sweep', new Date(Date.now() + 6 * 3_600_000));
    await env.runtime.drain();
    const notes = await sales2.get<{ items: { kind: string; entityId: string }[] }>('/api/notifications?limit=50');
    expect(notes.body.items.filter((n) => n.entityId === task.id)).toEqual([]);
  });

  it("a record's open tasks leave out finished ones, which its done view lists", async () => {
    const deal = await sales1.post<{ id: string }>('/api/deals', aDeal());
    expect(deal.status).toBe(201);
    const related = { entity: 'deal', id: deal.body.id };
    const later = await aTask(sales1, { title: 'Send the proposal', dueAt: hours(30), related });
    const sooner = await aTask(sales1, { title: 'Confirm the budget', dueAt: hours(3), related });
    const finished = await aTask(sales1, { title: 'Book the demo', dueAt: hours(1), related });
    expect((await sales1.post(`/api/tasks/${finished.id}/complete`, {})).status).toBe(200);
    await aTask(sales1, { title: 'Unrelated' });

    const open = await sales1.get<Listed<Task>>(`/api/tasks?related=deal:${deal.body.id}`);
    expect(open.body.items.map((t) => t.id)).toEqual([sooner.id, later.id]);
    const done = await sales1.get<Listed<Task>>(`/api/tasks?related=deal:${deal.body.id}&view=done`);
    expect(done.body.items.map((t) => t.id)).toEqual([finished.id]);
    const reopened = await sales1.patch<Task>(`/api/tasks/${finished.id}`, { status: 'open', version: 2 });
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);
    const again = await sales1.get<Listed<Task>>(`/api/tasks?related=deal:${deal.body.id}`);
    expect(again.body.items.map((t) => t.id)).toEqual([finished.id, sooner.id, later.id]);
    expect((await sales2.get(`/api/tasks?related=deal:${deal.body.id}&view=done`)).status).toBe(404);
  });

  it('the tasks about a record are listed for whoever may see the record', async () => {
    const contact = await aContactOf(sales1);
    const task = await aTask(sales1, { related: { entity: 'contact', id: contact.id } });
    const list = await sales1.get<Listed<Task>>(`/api/tasks?related=contact:${contact.id}`);
    expect(list.body.items.map((t) => t.id)).toEqual([task.id]);
    expect((await sales2.get(`/api/tasks?related=contact:${contact.id}`)).status).toBe(404);
    expect(
      (await sales2.post('/api/tasks', { title: 'x', dueAt: hours(1), related: { entity: 'contact', id: contact.id } }))
        .status,
    ).toBe(404);
  });
});

type Mail = { subject: string; text?: string; destination?: { to?: string[] } };
async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`${env.runtime.mailboxUrl}store`);
  return ((await res.json()) as { emails: Mail[] }).emails;
}
async function mailCount(): Promise<number> {
  return (await mailbox()).length;
}

describe('activities and the merged timeline', () => {
  it('logging on an out-of-scope record is 404 and writes nothing', async () => {
    const contact = await aContactOf(sales1);
    const res = await sales2.post('/api/activities', {
      kind: 'note',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Peek',
    });
    expect(res.status).toBe(404);
    expect((await sales2.get(`/api/activities?entity=contact&id=${contact.id}`)).status).toBe(404);
    const listed = await sales1.get<Listed<Activity>>(`/api/activities?entity=contact&id=${contact.id}`);
    expect(listed.body.items).toEqual([]);
  });

  it("logging a call on a rep's own lead resets its follow-up clock in the same transaction", async () => {
    const contact = await aContactOf(sales1);
    const logged = await sales1.post<Activity & { createdAt: string }>('/api/activities', {
      kind: 'call',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Checked in',
    });
    expect(logged.status).toBe(201);
    const state = await db().send(new GetCommand({ TableName: tableName(), Key: leadKeys.state(contact.id) }));
    expect(state.Item?.lastFollowUpAt).toBe(logged.body.createdAt);
  });

  it('a note has no duration', async () => {
    const contact = await aContactOf(sales1);
    const res = await sales1.post<{ error: { fields: Record<string, string> } }>('/api/activities', {
      kind: 'note',
      entity: 'contact',
      entityId: contact.id,
      subject: 'x',
      durationMinutes: 5,
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('durationMinutes');
  });

  it('the timeline merges changes and activities in time order, and pages with one cursor', async () => {
    const contact = await aContactOf(sales1);
    const t0 = Date.now();
    const at = (minutes: number) => new Date(t0 - minutes * 60_000).toISOString();
    // A call an hour ago and a meeting 2 minutes ago; the contact was created just now, then edited.
    await sales1.post('/api/activities', {
      kind: 'call',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Intro call',
      occurredAt: at(60),
      durationMinutes: 15,
      outcome: 'connected',
    });
    const patched = await sales1.patch<{ version: number }>(`/api/contacts/${contact.id}`, {
      title: 'CTO',
      version: contact.version,
    });
    expect(patched.status, JSON.stringify(patched.body)).toBe(200);
    await sales1.post('/api/activities', {
      kind: 'meeting',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Demo',
      occurredAt: new Date().toISOString(),
      durationMinutes: 45,
    });
    await sales1.post('/api/activities', {
      kind: 'note',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Old note',
      occurredAt: at(600),
    });

    const all = await sales1.get<Listed<Entry>>(`/api/contacts/${contact.id}/timeline?limit=50`);
    expect(all.status, JSON.stringify(all.body)).toBe(200);
    const labels = all.body.items.map((e) => (e.type === 'activity' ? e.activity!.subject : e.action));
    expect(labels).toEqual(['Demo', 'updated', 'created', 'Intro call', 'Old note']);
    const times = all.body.items.map((e) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(all.body.nextCursor).toBeNull();

    const paged: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const q: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page = await sales1.get<Listed<Entry>>(`/api/contacts/${contact.id}/timeline?limit=2${q}`);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(paged).toEqual(all.body.items.map((e) => e.id));
    expect((await sales1.get(`/api/contacts/${contact.id}/timeline?cursor=garbage`)).status).toBe(400);
  });

  it('editing an activity, even its time, or deleting it leaves the lead follow-up clock where it is', async () => {
    const contact = await aContactOf(sales1);
    const lastFollowUp = async () =>
      (await db().send(new GetCommand({ TableName: tableName(), Key: leadKeys.state(contact.id) }))).Item
        ?.lastFollowUpAt;
    const logged = await sales1.post<Activity & { createdAt: string }>('/api/activities', {
      kind: 'call',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Follow-up call',
      occurredAt: hours(-48),
    });
    expect(logged.status).toBe(201);
    // A backdated call is recorded now: the clock takes the time it was logged, not its occurredAt.
    expect(await lastFollowUp()).toBe(logged.body.createdAt);

    const edited = await sales1.patch<Activity>(`/api/activities/${logged.body.id}`, {
      occurredAt: hours(-24 * 20),
      version: 1,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(await lastFollowUp()).toBe(logged.body.createdAt);
    expect((await sales1.delete(`/api/activities/${logged.body.id}`)).status).toBe(204);
    expect(await lastFollowUp()).toBe(logged.body.createdAt);
  });

  it('only the author or an admin edits or deletes an activity', async () => {
    const contact = await aContactOf(sales1);
    const logged = await sales1.post<Activity>('/api/activities', {
      kind: 'email',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Sent pricing',
    });
    expect(logged.status).toBe(201);
    const id = logged.body.id;
    expect((await manager.patch(`/api/activities/${id}`, { subject: 'x', version: 1 })).status).toBe(403);
    expect((await sales2.patch(`/api/activities/${id}`, { subject: 'x', version: 1 })).status).toBe(404);
    const edited = await sales1.patch<Activity>(`/api/activities/${id}`, { subject: 'Sent pricing v2', version: 1 });
    expect(edited.body).toMatchObject({ subject: 'Sent pricing v2', version: 2 });
    expect((await admin.delete(`/api/activities/${id}`)).status).toBe(204);
    const listed = await sales1.get<Listed<Activity>>(`/api/activities?entity=contact&id=${contact.id}`);
    expect(listed.body.items).toEqual([]);
  });
});

describe('home page', () => {
  it("shows the caller's overdue and today's tasks and recent activity", async () => {
    const tz = 'UTC';
    const now = new Date();
    const startOfDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const overdue = await aTask(sales2, {
      title: 'Home overdue',
      dueAt: new Date(startOfDay - 3_600_000).toISOString(),
    });
    const today = await aTask(sales2, {
      title: 'Home today',
      dueAt: new Date(startOfDay + 23 * 3_600_000).toISOString(),
    });
    const contact = await aContactOf(sales2);
    await sales2.post('/api/activities', {
      kind: 'call',
      entity: 'contact',
      entityId: contact.id,
      subject: 'Home call',
    });
    const home = await sales2.get<{
      tasks: { overdue: Task[]; today: Task[] };
      recentActivity: Activity[];
      deals: unknown;
      contractsExpiring: unknown;
    }>(`/api/dashboard/home?tz=${tz}`);
    expect(home.status).toBe(200);
    expect(home.body.tasks.overdue.map((t) => t.id)).toContain(overdue.id);
    expect(home.body.tasks.today.map((t) => t.id)).toContain(today.id);
    expect(home.body.recentActivity[0]?.subject).toBe('Home call');
    const other = await sales1.get<{ tasks: { overdue: Task[]; today: Task[] } }>('/api/dashboard/home');
    expect(other.body.tasks.today.map((t) => t.id)).not.toContain(today.id);
  });
});

describe('home page: deals by stage and contracts expiring soon', () => {
  const today = () => new Date().toISOString().slice(0, 10);
  const inDays = (n: number) => daysBefore(today(), -n);
  let companyId: string;
  beforeAll(async () => {
    companyId = (await admin.post<{ id: string }>('/api/companies', aCompany())).body.id;
  });
  const home = async (api: Api, query = '?tz=UTC') => {
    const res = await api.get<HomePage>(`/api/dashboard/home${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body;
  };
  const stagesOf = (page: HomePage) => new Map(page.deals!.stages.map((s) => [s.stageId, s]));
  const aContract = async (api: Api, endDate: string) => {
    const res = await api.post<{ id: string; number: string; title: string }>('/api/contracts', {
      title: `Service ${Math.random().toString(36).slice(2, 8)}`,
      companyId,
      startDate: inDays(-200),
      endDate,
      value: 500_000,
      currency: 'CNY',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body;
  };

  it("counts the rep's own open deals per open stage with their amounts, in stage order", async () => {
    const before = stagesOf(await home(sales2));
    const othersBefore = stagesOf(await home(sales1));
    await sales2.post('/api/deals', aDeal({ amount: 100_000, currency: 'CNY' }));
    await sales2.post('/api/deals', aDeal({ amount: 250_000, currency: 'CNY' }));
    await sales2.post('/api/deals', aDeal({ amount: 9_900, currency: 'USD', stageId: 'quote' }));
    const won = await sales2.post<{ id: string; version: number }>('/api/deals', aDeal({ amount: 7_000 }));
    const moved = await sales2.post(`/api/deals/${won.body.id}/stage`, { stageId: 'won', version: won.body.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    await sales1.post('/api/deals', aDeal({ amount: 1_000_000 }));

    const page = await home(sales2);
    expect(page.deals!.pipelineId).toBe('default');
    // Open stages only (won and lost are not open deals), in the pipeline's order, with both labels.
    expect(page.deals!.stages.map((s) => s.stageId)).toEqual(['lead', 'intention', 'quote', 'negotiation']);
    expect(page.deals!.stages[0]!.label).toEqual({ en: 'Lead', zh: '线索' });
    const after = stagesOf(page);
    const cny = (m: Map<string, HomeDealStage>, id: string) =>
      m.get(id)?.amounts.find((a) => a.currency === 'CNY')?.amount ?? 0;
    expect(after.get('lead')!.count - (before.get('lead')?.count ?? 0)).toBe(2);
    expect(cny(after, 'lead') - cny(before, 'lead')).toBe(350_000);
    expect(after.get('quote')!.count - (before.get('quote')?.count ?? 0)).toBe(1);
    expect(after.get('quote')!.amounts).toContainEqual({ currency: 'USD', amount: 9_900 });
    // Another rep's deal never shows on sales2's home, nor sales2's on theirs.
    const others = stagesOf(await home(sales1));
    expect(others.get('lead')!.count - (othersBefore.get('lead')?.count ?? 0)).toBe(1);
    expect(others.get('quote')!.count).toBe(othersBefore.get('quote')?.count ?? 0);
  });

  it("lists the caller's active contracts ending in the next 30 days, soonest first, and no one else's", async () => {
    const inTen = await aContract(sales2, inDays(10));
    const inThree = await aContract(sales2, inDays(3));
    const tooLate = await aContract(sales2, inDays(45));
    const ended = await aContract(sales2, inDays(-2));
    const east = await aContract(sales1, inDays(5));

    const mine = (await home(sales2)).contractsExpiring!;
    expect(mine.withinDays).toBe(30);
    const ids = mine.items.map((c) => c.id);
    expect(ids.indexOf(inThree.id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(inThree.id)).toBeLessThan(ids.indexOf(inTen.id));
    expect(ids).not.toContain(tooLate.id);
    expect(ids).not.toContain(ended.id);
    expect(ids).not.toContain(east.id);
    expect(mine.items.find((c) => c.id === inTen.id)).toMatchObject({
      number: inTen.number,
      title: inTen.title,
      endDate: inDays(10),
      daysLeft: 10,
    });
    expect(mine.items.map((c) => c.endDate)).toEqual([...mine.items.map((c) => c.endDate)].sort());

    // The manager of East sees their team's (sales1's), not West's; admin and finance see all.
    const managers = (await home(manager)).contractsExpiring!.items.map((c) => c.id);
    expect(managers).toContain(east.id);
    expect(managers).not.toContain(inThree.id);
    const sales1s = (await home(sales1)).contractsExpiring!.items.map((c) => c.id);
    expect(sales1s).toContain(east.id);
    expect(sales1s).not.toContain(inThree.id);
  });

  it('shows at most five contracts and says there are more', async () => {
    for (let i = 0; i < 6; i++) await aContract(sales2, inDays(20 + i));
    const page = (await home(sales2)).contractsExpiring!;
    expect(page.items).toHaveLength(5);
    expect(page.more).toBe(true);
  });

  it('counts days left in the caller time zone', async () => {
    const contract = await aContract(sales2, inDays(1));
    // Kiritimati is UTC+14: for most of the UTC day it is already tomorrow there.
    const utc = (await home(sales2, '?tz=UTC')).contractsExpiring!.items.find((c) => c.id === contract.id);
    expect(utc?.daysLeft).toBe(1);
    const ahead = new Date().getUTCHours() >= 10;
    const kiritimati = (await home(sales2, '?tz=Pacific/Kiritimati')).contractsExpiring!.items.find(
      (c) => c.id === contract.id,
    );
    expect(kiritimati?.daysLeft).toBe(ahead ? 0 : 1);
  });

  it('leaves deals and contracts out for a role that reads neither', async () => {
    const support = await home(env.as('support@cirrus.local'));
    expect(support.deals).toBeNull();
    expect(support.contractsExpiring).toBeNull();
    const finance = await home(env.as('finance@cirrus.local'));
    expect(finance.deals).not.toBeNull();
    expect(finance.contractsExpiring).not.toBeNull();
  });
});
