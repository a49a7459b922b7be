import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../../shared/db/audit.js';
import { dealCloseMonthSource } from '../../shared/db/keys.deals.js';
import { auditSource } from '../../shared/db/keys.js';
import { dbUsage } from '../../shared/db/metrics.js';
import { queryPage } from '../../shared/db/query.js';
import type { BoardColumn, Deal } from '../../shared/domain/deals/deal.schema.js';
import type { Pipeline } from '../../shared/domain/deals/pipeline.schema.js';
import { aDeal, aPipeline } from '../support/deal-fixtures.js';
import { aCompany, aContact } from '../support/fixtures.js';
import type { Api, Listed } from '../support/runtime.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/**
 * Pipelines and deals against DynamoDB Local through the local gateway, with the seeded teams:
 * East 华东 (manager, sales1) and West (sales2).
 */
type Board = { pipeline: Pipeline; columns: BoardColumn[] };

const env = setUpRuntime();
const { admin, manager, sales1, sales2, finance } = env;
const SALES1 = staffId('sales1@cirrus.local');
const SALES2 = staffId('sales2@cirrus.local');

async function createDeal(api: Api, overrides: Record<string, unknown> = {}): Promise<Deal> {
  const res = await api.post<Deal>('/api/deals', aDeal(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function createPipeline(): Promise<Pipeline> {
  const res = await admin.post<Pipeline>('/api/pipelines', aPipeline());
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function move(api: Api, deal: Deal, stageId: string, extra: Record<string, unknown> = {}) {
  return api.post<Deal>(`/api/deals/${deal.id}/stage`, { stageId, version: deal.version, ...extra });
}

async function auditsOf(id: string): Promise<AuditRecord[]> {
  const page = await queryPage<AuditRecord & Record<string, unknown>>(auditSource('deal', id), {
    limit: 50,
    forward: true,
  });
  return page.items;
}

const column = (board: Board, stageId: string) => board.columns.find((c) => c.stageId === stageId)!;

describe('pipelines', () => {
  it('has the default pipeline on a fresh table, labelled in English and Chinese', async () => {
    const res = await sales1.get<{ items: Pipeline[] }>('/api/pipelines');
    expect(res.status).toBe(200);
    const [first] = res.body.items;
    expect(first!.id).toBe('default');
    expect(first!.stages.map((s) => `${s.label.en} ${s.label.zh} ${s.probability}`)).toEqual([
      'Lead 线索 10',
      'Intention 意向 25',
      'Quote 报价 50',
      'Negotiation 谈判 75',
      'Won 成交 100',
      'Lost 输单 0',
    ]);
    expect(first!.lostReasons.length).toBeGreaterThan(0);
    // Written once, with its audit record, however many readers come first.
    await Promise.all([admin.get('/api/pipelines'), manager.get('/api/pipelines')]);
    const audits = await queryPage(auditSource('pipeline', 'default'), { limit: 10, forward: true });
    expect(audits.items).toHaveLength(1);
  });

  it('rejects a pipeline whose won stage is not 100 %, naming the field', async () => {
    const body = aPipeline();
    (body.stages as { probability: number }[])[2]!.probability = 90;
    const res = await admin.post<{ error: { fields: Record<string, string> } }>('/api/pipelines', body);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('stages.2.probability');
  });

  it('refuses to remove a stage that holds deals, and allows it once empty', async () => {
    const pipeline = await createPipeline();
    const deal = await createDeal(sales1, { pipelineId: pipeline.id, stageId: 'talks' });
    const withoutTalks = pipeline.stages.filter((s) => s.id !== 'talks');
    const refused = await admin.patch(`/api/pipelines/${pipeline.id}`, {
      stages: withoutTalks,
      version: pipeline.version,
    });
    expect(refused.status).toBe(409);
    expect(await sales1.delete(`/api/deals/${deal.id}`)).toMatchObject({ status: 200 });
    const allowed = await admin.patch<Pipeline>(`/api/pipelines/${pipeline.id}`, {
      stages: withoutTalks,
      version: pipeline.version,
    });
    expect(allowed.status).toBe(200);
    expect(allowed.body.stages.map((s) => s.id)).toEqual(['new', 'won', 'lost']);
  });

  it('rejects a stale pipeline edit with 409', async () => {
    const pipeline = await createPipeline();
    expect((await admin.patch(`/api/pipelines/${pipeline.id}`, { name: 'A', version: 1 })).status).toBe(200);
    expect((await admin.patch(`/api/pipelines/${pipeline.id}`, { name: 'B', version: 1 })).status).toBe(409);
  });
});

describe('deals', () => {
  it('creates a deal in the first stage with its default probability, owned by the rep and their team', async () => {
    const company = (await sales1.post<{ id: string; name: string }>('/api/companies', aCompany())).body;
    const contact = (await sales1.post<{ id: string; name: string }>('/api/contacts', aContact())).body;
    const deal = await createDeal(sales1, { companyId: company.id, contactIds: [contact.id] });
    expect(deal).toMatchObject({
      pipelineId: 'default',
      stageId: 'lead',
      status: 'open',
      probability: 10,
      ownerId: SALES1,
      teamId: 'team-east',
      companyName: company.name,
      contacts: [{ id: contact.id, name: contact.name }],
      version: 1,
    });
    expect(deal.stageHistory).toEqual([{ stageId: 'lead', enteredAt: deal.createdAt }]);
    // Like any record, a deal given its first owner announces deal.assigned.
    expect((await auditsOf(deal.id))[0]!.events).toEqual(['deal.created', 'deal.assigned']);
  });

  it('answers a retried create with the same Idempotency-Key with the first deal', async () => {
    const body = aDeal();
    const headers = { 'idempotency-key': `deal-${Date.now()}` };
    const first = await sales1.post<Deal>('/api/deals', body, headers);
    const again = await sales1.post<Deal>('/api/deals', body, headers);
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
  });

  it('rejects unknown references and bad money, naming each field', async () => {
    const res = await sales1.post<{ error: { fields: Record<string, string> } }>(
      '/api/deals',
      aDeal({ amount: 12.5, currency: 'yuan', expectedCloseDate: '2031-13-01' }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['amount', 'currency', 'expectedCloseDate']);
    const unknown = await sales1.post<{ error: { fields: Record<string, string> } }>(
      '/api/deals',
      aDeal({ companyId: 'no-such-company', stageId: 'lead' }),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty('companyId');
  });

  it('keeps a probability override until the deal changes stage', async () => {
    const deal = await createDeal(sales1, { probabilityOverride: 35 });
    expect(deal.probability).toBe(35);
    const cleared = await sales1.patch<Deal>(`/api/deals/${deal.id}`, { probabilityOverride: null, version: 1 });
    expect(cleared.body.probability).toBe(10);
    const set = await sales1.patch<Deal>(`/api/deals/${deal.id}`, { probabilityOverride: 40, version: 2 });
    const moved = await move(sales1, set.body, 'quote');
    expect(moved.body).toMatchObject({ probability: 50, stageId: 'quote' });
    expect(moved.body.probabilityOverride).toBeUndefined();
  });
});

describe('stage changes', () => {
  it('rejects a stale version with 409 and changes nothing', async () => {
    const deal = await createDeal(sales1);
    expect((await move(sales1, deal, 'intention')).status).toBe(200);
    const stale = await move(sales1, deal, 'quote');
    expect(stale.status).toBe(409);
    expect((stale.body as unknown as { error: { code: string } }).error.code).toBe('request.stale_version');
    const now = (await sales1.get<Deal>(`/api/deals/${deal.id}`)).body;
    expect(now).toMatchObject({ stageId: 'intention', version: 2 });
  });

  it('rejects closing as lost without a reason with 400 naming lostReason, and changes nothing', async () => {
    const pipeline = await createPipeline();
    const deal = await createDeal(sales1, { pipelineId: pipeline.id });
    const before = (await sales1.get<Board>(`/api/deals/board?pipelineId=${pipeline.id}`)).body;
    const res = await move(sales1, deal, 'lost');
    expect(res.status).toBe(400);
    expect((res.body as unknown as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty(
      'lostReason',
    );
    const unknownReason = await move(sales1, deal, 'lost', { lostReason: 'weather' });
    expect(unknownReason.status).toBe(400);
    expect((await sales1.get<Deal>(`/api/deals/${deal.id}`)).body).toMatchObject({ stageId: 'new', version: 1 });
    expect((await auditsOf(deal.id)).length).toBe(1);
    const after = (await sales1.get<Board>(`/api/deals/board?pipelineId=${pipeline.id}`)).body;
    expect(after.columns.map((c) => c.totals)).toEqual(before.columns.map((c) => c.totals));
  });

  it('closes lost with a reason, and won at 100 %, announcing deal.stage_changed and deal.won / deal.lost', async () => {
    const a = await createDeal(sales1);
    const lost = await move(sales1, a, 'lost', { lostReason: 'price' });
    expect(lost.body).toMatchObject({ status: 'lost', probability: 0, lostReason: 'price' });
    expect(lost.body.closedAt).toBeDefined();
    const b = await createDeal(sales1);
    const won = await move(sales1, b, 'won');
    expect(won.body).toMatchObject({ status: 'won', probability: 100 });
    expect(won.body.stageHistory.map((v) => [v.stageId, v.leftAt !== undefined])).toEqual([
      ['lead', true],
      ['won', false],
    ]);
    expect((await auditsOf(a.id)).at(-1)!.events).toEqual(['deal.updated', 'deal.stage_changed', 'deal.lost']);
    expect((await auditsOf(b.id)).at(-1)!.events).toEqual(['deal.updated', 'deal.stage_changed', 'deal.won']);
    // Reopening clears the close.
    const reopened = await move(sales1, lost.body, 'negotiation');
    expect(reopened.body).toMatchObject({ status: 'open', probability: 75 });
    expect(reopened.body.closedAt).toBeUndefined();
    expect(reopened.body.lostReason).toBeUndefined();
  });

  it('announces deal.assigned when a manager gives a deal to another rep of the team', async () => {
    const deal = await createDeal(manager, { ownerId: SALES1 });
    expect(deal.teamId).toBe('team-east');
    const res = await manager.patch<Deal>(`/api/deals/${deal.id}`, {
      ownerId: staffId('manager@cirrus.local'),
      version: 1,
    });
    expect(res.status).toBe(200);
    expect((await auditsOf(deal.id)).at(-1)!.events).toContain('deal.assigned');
  });

  it('will not let a rep hand a deal to another rep', async () => {
    const deal = await createDeal(sales1);
    const res = await sales1.patch(`/api/deals/${deal.id}`, { ownerId: SALES2, version: 1 });
    expect(res.status).toBe(403);
  });
});

describe('scope', () => {
  it('shows a rep their own deals, a manager their team’s, admin and finance all', async () => {
    const mine = await createDeal(sales1);
    const theirs = await createDeal(sales2);
    expect((await sales2.get(`/api/deals/${mine.id}`)).status).toBe(404);
    expect((await sales2.patch(`/api/deals/${mine.id}`, { name: 'x', version: 1 })).status).toBe(404);
    expect((await move(sales2, mine, 'quote')).status).toBe(404);
    expect((await sales2.delete(`/api/deals/${mine.id}`)).status).toBe(404);
    expect((await sales2.get(`/api/deals/${mine.id}/timeline`)).status).toBe(404);
    expect((await manager.get(`/api/deals/${mine.id}`)).status).toBe(200);
    expect((await manager.get(`/api/deals/${theirs.id}`)).status).toBe(404);
    expect((await finance.get(`/api/deals/${theirs.id}`)).status).toBe(200);
    expect((await finance.post('/api/deals', aDeal())).status).toBe(403);

    const ids = async (api: Api, query = '') =>
      (await api.get<Listed<Deal>>(`/api/deals?limit=200${query}`)).body.items.map((d) => d.id);
    expect(await ids(sales2)).toContain(theirs.id);
    expect(await ids(sales2)).not.toContain(mine.id);
    expect(await ids(manager)).toContain(mine.id);
    expect(await ids(manager)).not.toContain(theirs.id);
    expect(await ids(admin)).toEqual(expect.arrayContaining([mine.id, theirs.id]));
    // Asking for someone out of scope reads nothing, rather than widening the scope.
    expect(await ids(sales2, `&ownerId=${SALES1}`)).toEqual([]);
    expect(await ids(manager, '&teamId=team-west')).toEqual([]);
    expect(await ids(admin, `&ownerId=${SALES2}`)).not.toContain(mine.id);
  });

  it('shows each their own board', async () => {
    const pipeline = await createPipeline();
    await createDeal(sales1, { pipelineId: pipeline.id, amount: 100 });
    await createDeal(sales2, { pipelineId: pipeline.id, amount: 200 });
    const totalOf = async (api: Api) =>
      column((await api.get<Board>(`/api/deals/board?pipelineId=${pipeline.id}`)).body, 'new').totals;
    expect(await totalOf(sales1)).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 100 }] });
    expect(await totalOf(sales2)).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 200 }] });
    expect(await totalOf(manager)).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 100 }] });
    expect(await totalOf(admin)).toEqual({ count: 2, amounts: [{ currency: 'CNY', amount: 300 }] });
  });
});

describe('the board', () => {
  it('loads one page per stage with maintained totals, at stages + 2 requests, and pages a column on', async () => {
    const pipeline = await createPipeline();
    for (let i = 0; i < 23; i++)
      await createDeal(sales1, { pipelineId: pipeline.id, stageId: 'talks', amount: 1000 + i });
    await createDeal(sales1, { pipelineId: pipeline.id, stageId: 'talks', amount: 500, currency: 'USD' });
    const requests = dbUsage().requests;
    const board = (await sales1.get<Board>(`/api/deals/board?pipelineId=${pipeline.id}`)).body;
    expect(dbUsage().requests - requests).toBeLessThanOrEqual(pipeline.stages.length + 2);
    expect(Object.keys(dbUsage().byCommand).filter((c) => c.includes('Scan'))).toEqual([]);
    const talks = column(board, 'talks');
    expect(talks.items).toHaveLength(20);
    expect(talks.totals).toEqual({
      count: 24,
      amounts: [
        { currency: 'CNY', amount: 23 * 1000 + (22 * 23) / 2 },
        { currency: 'USD', amount: 500 },
      ],
    });
    // Newest-updated first.
    const updated = talks.items.map((d) => d.updatedAt);
    expect([...updated].sort().reverse()).toEqual(updated);
    const more = await sales1.get<Listed<Deal>>(
      `/api/deals?pipelineId=${pipeline.id}&stageId=talks&limit=20&cursor=${talks.nextCursor}`,
    );
    expect(more.status).toBe(200);
    expect(more.body.items).toHaveLength(4);
    expect(new Set([...talks.items, ...more.body.items].map((d) => d.id)).size).toBe(24);
  });

  it('moves the totals with a deal: stage change, amount edit and delete', async () => {
    const pipeline = await createPipeline();
    const deal = await createDeal(sales1, { pipelineId: pipeline.id, amount: 700 });
    const board = async () => (await sales1.get<Board>(`/api/deals/board?pipelineId=${pipeline.id}`)).body;
    const moved = (await move(sales1, deal, 'talks')).body;
    let b = await board();
    expect(column(b, 'new').totals.count).toBe(0);
    expect(column(b, 'talks').totals).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 700 }] });
    expect(column(b, 'talks').items.map((d) => d.id)).toEqual([deal.id]);
    const edited = (await sales1.patch<Deal>(`/api/deals/${deal.id}`, { amount: 900, version: moved.version })).body;
    b = await board();
    expect(column(b, 'talks').totals).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 900 }] });
    const won = (await move(sales1, edited, 'won')).body;
    b = await board();
    expect(column(b, 'talks').totals.count).toBe(0);
    expect(column(b, 'won').totals).toEqual({ count: 1, amounts: [{ currency: 'CNY', amount: 900 }] });
    expect((await sales1.delete(`/api/deals/${won.id}`)).status).toBe(200);
    b = await board();
    expect(column(b, 'won').totals.count).toBe(0);
    expect(column(b, 'won').items).toEqual([]);
    expect((await sales1.get<Deal>(`/api/deals/${deal.id}`)).body.deletedAt).toBeDefined();
  });
});

describe('the deal list', () => {
  it('filters by close month, stage, amount range and status, one Query each', async () => {
    const month = '2032-07';
    const small = await createDeal(sales2, { expectedCloseDate: `${month}-02`, amount: 10_000 });
    const big = await createDeal(sales2, { expectedCloseDate: `${month}-20`, amount: 9_000_000, stageId: 'quote' });
    await createDeal(sales2, { expectedCloseDate: '2032-08-01', amount: 50_000 });
    const list = async (query: string) => {
      const before = dbUsage().requests;
      const res = await sales2.get<Listed<Deal>>(`/api/deals?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(dbUsage().requests - before).toBe(1);
      return res.body.items.map((d) => d.id);
    };
    expect(await list(`closeMonth=${month}&sort=closeDate`)).toEqual([small.id, big.id]);
    expect(await list(`closeMonth=${month}&minAmount=100000`)).toEqual([big.id]);
    expect(await list(`stageId=quote&closeMonth=${month}`)).toEqual([big.id]);
    expect(await list(`closeMonth=${month}&status=won`)).toEqual([]);
    expect(await list('maxAmount=10000&limit=200')).toContain(small.id);
    expect(await list('maxAmount=10000&limit=200')).not.toContain(big.id);
  });

  it('refuses a close-date sort without a month', async () => {
    const res = await sales1.get<{ error: { fields: Record<string, string> } }>('/api/deals?sort=closeDate');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('sort');
  });

  it('serves the forecast its close-month index: open by expected close, won by close date', async () => {
    const deal = await createDeal(sales2, { expectedCloseDate: '2033-01-10', amount: 4242 });
    const open = await queryPage(dealCloseMonthSource('2033-01', { kind: 'owner', ownerId: SALES2 }, 'open'), {
      limit: 10,
      forward: true,
    });
    expect(open.items.map((i) => i.id)).toContain(deal.id);
    const won = (await move(sales2, deal, 'won')).body;
    const month = won.closedAt!.slice(0, 7);
    const wonPage = await queryPage(dealCloseMonthSource(month, { kind: 'team', teamId: 'team-west' }, 'won'), {
      limit: 100,
      forward: true,
    });
    expect(wonPage.items.map((i) => i.id)).toContain(deal.id);
    const stillOpen = await queryPage(dealCloseMonthSource('2033-01', { kind: 'all' }, 'open'), {
      limit: 10,
      forward: true,
    });
    expect(stillOpen.items.map((i) => i.id)).not.toContain(deal.id);
  });

  it('shows the deal’s history on its timeline, newest first', async () => {
    const deal = await createDeal(sales1);
    await move(sales1, deal, 'intention');
    const res = await sales1.get<Listed<{ action: string; changes: { field: string }[] }>>(
      `/api/deals/${deal.id}/timeline`,
    );
    expect(res.body.items.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(res.body.items[0]!.changes.map((c) => c.field)).toContain('stageId');
  });
});
