import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, type ApiResponse, apiAs, startTestRuntime } from '../support/runtime.js';

/**
 * Broken object-level authorization, for every record route: a record another sales rep owns,
 * or that belongs to another team, answers exactly as a record that does not exist: 404 with the
 * same body (no id, no hint), and is left unchanged. Seeded teams: East 华东 (manager, sales1),
 * West (sales2).
 */
type Rec = Record<string, unknown> & { id: string; version: number };

let runtime: Runtime;
let admin: Api;
const records: Record<'contact' | 'company', Rec> = {} as never;
const MISSING_ID = 'bola-does-not-exist';

const KINDS = [
  { kind: 'contact', base: '/api/contacts', build: aContact, patch: { title: 'Pwned' } },
  { kind: 'company', base: '/api/companies', build: aCompany, patch: { industry: 'Pwned' } },
] as const;

const ROUTES = [
  { name: 'GET /{id}', call: (api: Api, base: string, id: string) => api.get(`${base}/${id}`) },
  {
    name: 'PATCH /{id}',
    call: (api: Api, base: string, id: string, patch: Record<string, unknown>) =>
      api.patch(`${base}/${id}`, { ...patch, version: 1 }),
  },
  { name: 'DELETE /{id}', call: (api: Api, base: string, id: string) => api.delete(`${base}/${id}`) },
  { name: 'POST /{id}/restore', call: (api: Api, base: string, id: string) => api.post(`${base}/${id}/restore`) },
  { name: 'GET /{id}/timeline', call: (api: Api, base: string, id: string) => api.get(`${base}/${id}/timeline`) },
] as const;

const INTRUDERS = [
  { who: 'another sales rep', email: 'sales1@cirrus.local' },
  { who: "another team's manager", email: 'manager@cirrus.local' },
] as const;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  const westRep = apiAs(runtime, 'sales2@cirrus.local');
  for (const { kind, base, build } of KINDS) {
    const res = await westRep.post<Rec>(base, build());
    expect(res.status).toBe(201);
    expect(res.body.teamId).toBe('team-west');
    records[kind] = res.body;
  }
});
afterAll(async () => {
  await runtime?.stop();
});

/** The response without what differs per request (the request id). */
function comparable(res: ApiResponse): unknown {
  const { requestId: _, ...rest } = (res.body ?? {}) as Record<string, unknown>;
  return { status: res.status, body: rest };
}

describe.each(INTRUDERS)('BOLA: $who', ({ email }) => {
  const cases = KINDS.flatMap((k) => ROUTES.map((r) => ({ ...k, route: r, title: `${k.base} ${r.name}` })));

  it.each(cases)('$title answers as for a record that does not exist', async ({ kind, base, patch, route }) => {
    const intruder = apiAs(runtime, email);
    const target = records[kind];

    const hidden = await route.call(intruder, base, target.id, patch);
    const missing = await route.call(intruder, base, MISSING_ID, patch);

    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(target.id);
    const after = await admin.get<Rec>(`${base}/${target.id}`);
    expect(after.body).toEqual(target);
  });

  it.each(KINDS)('leaves $base lists without the other record', async ({ kind, base }) => {
    const list = await apiAs(runtime, email).get<{ items: Rec[] }>(`${base}?limit=100`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.id)).not.toContain(records[kind].id);
  });
});

/**
 * The same for deals: another rep's deal, or another team's, answers 404 like a missing one on
 * every deal route, stays unchanged, and is on no list or board of the intruder.
 */
describe.each(INTRUDERS)('BOLA on deals: $who', ({ email }) => {
  let deal: Rec & { stageId: string };
  beforeAll(async () => {
    const res = await apiAs(runtime, 'sales2@cirrus.local').post<Rec & { stageId: string }>('/api/deals', {
      name: `West deal ${email}`,
      amount: 10_000,
      currency: 'CNY',
      expectedCloseDate: '2031-06-30',
    });
    expect(res.status).toBe(201);
    expect(res.body.teamId).toBe('team-west');
    deal = res.body;
  });

  const DEAL_ROUTES = [
    { name: 'GET /api/deals/{id}', call: (api: Api, id: string) => api.get(`/api/deals/${id}`) },
    {
      name: 'PATCH /api/deals/{id}',
      call: (api: Api, id: string) => api.patch(`/api/deals/${id}`, { name: 'Pwned', version: 1 }),
    },
    { name: 'DELETE /api/deals/{id}', call: (api: Api, id: string) => api.delete(`/api/deals/${id}`) },
    {
      name: 'POST /api/deals/{id}/stage',
      call: (api: Api, id: string) => api.post(`/api/deals/${id}/stage`, { stageId: 'won', version: 1 }),
    },
    { name: 'GET /api/deals/{id}/timeline', call: (api: Api, id: string) => api.get(`/api/deals/${id}/timeline`) },
  ] as const;

  it.each(DEAL_ROUTES)('$name answers as for a deal that does not exist', async ({ call }) => {
    const intruder = apiAs(runtime, email);
    const hidden = await call(intruder, deal.id);
    const missing = await call(intruder, MISSING_ID);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(deal.id);
    expect((await admin.get<Rec>(`/api/deals/${deal.id}`)).body).toEqual(deal);
  });

  it('leaves the deal off the intruder’s list and board', async () => {
    const intruder = apiAs(runtime, email);
    const list = await intruder.get<{ items: Rec[] }>('/api/deals?limit=200');
    expect(list.body.items.map((r) => r.id)).not.toContain(deal.id);
    const board = await intruder.get<{ columns: { items: Rec[] }[] }>('/api/deals/board');
    expect(board.body.columns.flatMap((c) => c.items.map((r) => r.id))).not.toContain(deal.id);
  });
});

/**
 * The same for the lead pool: another rep's lead cannot be released, and a lead in another team's
 * pool cannot be claimed nor seen in a pool list: 404 like a missing lead, left unchanged.
 */
describe.each(INTRUDERS)('BOLA on the lead pool: $who', ({ email }) => {
  let owned: Rec;
  let pooled: Rec;
  beforeAll(async () => {
    const lead = await apiAs(runtime, 'sales2@cirrus.local').post<Rec>('/api/contacts', aContact());
    expect(lead.status).toBe(201);
    owned = lead.body;
    const pool = await admin.post<Rec>('/api/leads', {
      name: `West pool lead ${email}`,
      teamId: 'team-west',
      assign: 'pool',
    });
    expect(pool.status).toBe(201);
    pooled = pool.body;
  });

  const LEAD_ROUTES = [
    { name: 'POST /api/lead-pool/{id}/release (another rep’s lead)', target: () => owned, action: 'release' },
    { name: 'POST /api/lead-pool/{id}/claim (another team’s pool)', target: () => pooled, action: 'claim' },
    { name: 'POST /api/lead-pool/{id}/claim (another rep’s lead)', target: () => owned, action: 'claim' },
  ] as const;

  it.each(LEAD_ROUTES)('$name answers as for a lead that does not exist', async ({ target, action }) => {
    const intruder = apiAs(runtime, email);
    const record = target();
    const hidden = await intruder.post(`/api/lead-pool/${record.id}/${action}`);
    const missing = await intruder.post(`/api/lead-pool/${MISSING_ID}/${action}`);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(record.id);
    expect((await admin.get<Rec>(`/api/contacts/${record.id}`)).body).toEqual(record);
  });

  it('leaves another team’s pool out of the intruder’s pool list', async () => {
    const list = await apiAs(runtime, email).get<{ items: Rec[] }>('/api/lead-pool?teamId=team-west&limit=100');
    expect(list.status).toBe(200);
    expect(list.body.items.map((r) => r.id)).not.toContain(pooled.id);
  });
});

/**
 * Tasks and activities: another team's task, and an activity logged on another team's contact,
 * answer every route exactly as a missing one, stay unchanged, and stay off the intruder's lists.
 */
describe.each(INTRUDERS)('BOLA on tasks and activities: $who', ({ email }) => {
  let task: Rec;
  let activity: Rec;
  let contact: Rec;
  beforeAll(async () => {
    const westRep = apiAs(runtime, 'sales2@cirrus.local');
    const c = await westRep.post<Rec>('/api/contacts', aContact());
    contact = c.body;
    const t = await westRep.post<Rec>('/api/tasks', {
      title: `West task ${email}`,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      related: { entity: 'contact', id: contact.id },
    });
    expect(t.status).toBe(201);
    expect(t.body.teamId).toBe('team-west');
    task = t.body;
    const a = await westRep.post<Rec>('/api/activities', {
      kind: 'call',
      entity: 'contact',
      entityId: contact.id,
      subject: `West call ${email}`,
    });
    expect(a.status).toBe(201);
    activity = a.body;
  });

  const WORK_ROUTES = [
    { name: 'GET /api/tasks/{id}', target: () => task, call: (api: Api, id: string) => api.get(`/api/tasks/${id}`) },
    {
      name: 'PATCH /api/tasks/{id}',
      target: () => task,
      call: (api: Api, id: string) => api.patch(`/api/tasks/${id}`, { title: 'Pwned', version: 1 }),
    },
    {
      name: 'DELETE /api/tasks/{id}',
      target: () => task,
      call: (api: Api, id: string) => api.delete(`/api/tasks/${id}`),
    },
    {
      name: 'POST /api/tasks/{id}/complete',
      target: () => task,
      call: (api: Api, id: string) => api.post(`/api/tasks/${id}/complete`, {}),
    },
    {
      name: 'PATCH /api/activities/{id}',
      target: () => activity,
      call: (api: Api, id: string) => api.patch(`/api/activities/${id}`, { subject: 'Pwned', version: 1 }),
    },
    {
      name: 'DELETE /api/activities/{id}',
      target: () => activity,
      call: (api: Api, id: string) => api.delete(`/api/activities/${id}`),
    },
    {
      name: 'GET /api/activities?entity=contact&id=',
      target: () => contact,
      call: (api: Api, id: string) => api.get(`/api/activities?entity=contact&id=${id}`),
    },
    {
      name: 'GET /api/tasks?related=contact:',
      target: () => contact,
      call: (api: Api, id: string) => api.get(`/api/tasks?related=contact:${id}`),
    },
  ] as const;

  it.each(WORK_ROUTES)('$name answers as for one that does not exist', async ({ target, call }) => {
    const intruder = apiAs(runtime, email);
    const hidden = await call(intruder, target().id);
    const missing = await call(intruder, MISSING_ID);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(target().id);
    expect((await admin.get<Rec>(`/api/tasks/${task.id}`)).body).toEqual(task);
    const activities = await admin.get<{ items: Rec[] }>(`/api/activities?entity=contact&id=${contact.id}`);
    expect(activities.body.items).toEqual([activity]);
  });

  it("leaves the task off the intruder's lists", async () => {
    const intruder = apiAs(runtime, email);
    for (const view of ['open', 'today', 'upcoming', 'overdue', 'done']) {
      const list = await intruder.get<{ items: Rec[] }>(`/api/tasks?view=${view}&limit=200`);
      expect(list.body.items.map((r) => r.id)).not.toContain(task.id);
    }
  });
});

/**
 * Quotes are in scope exactly when their deal is: a quote on another rep's deal, or another
 * team's, answers every quote route as a missing one, stays unchanged, and its deal's quote
 * list and new quotes on that deal answer 404 too.
 */
describe.each(INTRUDERS)('BOLA on quotes: $who', ({ email }) => {
  let quote: Rec;
  let dealId: string;
  beforeAll(async () => {
    const westRep = apiAs(runtime, 'sales2@cirrus.local');
    const deal = await westRep.post<Rec>('/api/deals', {
      name: `West quoted deal ${email}`,
      amount: 10_000,
      currency: 'CNY',
      expectedCloseDate: '2031-06-30',
    });
    expect(deal.status).toBe(201);
    dealId = deal.body.id;
    const q = await westRep.post<Rec>('/api/quotes', {
      dealId,
      lines: [{ description: 'West line', quantityMilli: 1000, unitPrice: 100, taxRate: 0 }],
    });
    expect(q.status).toBe(201);
    quote = q.body;
  });

  const QUOTE_ROUTES = [
    { name: 'GET /api/quotes/{id}', call: (api: Api, id: string) => api.get(`/api/quotes/${id}`) },
    {
      name: 'PATCH /api/quotes/{id}',
      call: (api: Api, id: string) => api.patch(`/api/quotes/${id}`, { notes: 'Pwned', version: 1 }),
    },
    {
      name: 'POST /api/quotes/{id}/status',
      call: (api: Api, id: string) => api.post(`/api/quotes/${id}/status`, { status: 'sent', version: 1 }),
    },
    { name: 'GET /api/quotes/{id}/pdf', call: (api: Api, id: string) => api.get(`/api/quotes/${id}/pdf`) },
    {
      name: 'POST /api/quotes/{id}/send',
      call: (api: Api, id: string) => api.post(`/api/quotes/${id}/send`, { contactId: 'someone', version: 1 }),
    },
  ] as const;

  it.each(QUOTE_ROUTES)('$name answers as for a quote that does not exist', async ({ call }) => {
    const intruder = apiAs(runtime, email);
    const hidden = await call(intruder, quote.id);
    const missing = await call(intruder, MISSING_ID);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(quote.id);
    expect((await admin.get<Rec>(`/api/quotes/${quote.id}`)).body).toEqual(quote);
  });

  it('answers the deal’s quote list and a new quote on that deal as for a missing deal', async () => {
    const intruder = apiAs(runtime, email);
    const list = await intruder.get(`/api/quotes?dealId=${dealId}`);
    expect(comparable(list)).toEqual(comparable(await intruder.get(`/api/quotes?dealId=${MISSING_ID}`)));
    expect(list.status).toBe(404);
    const create = await intruder.post('/api/quotes', { dealId, lines: [] });
    expect(comparable(create)).toEqual(
      comparable(await intruder.post('/api/quotes', { dealId: MISSING_ID, lines: [] })),
    );
    expect(create.status).toBe(404);
  });
});

/**
 * Contracts: another rep's contract, or another team's, answers every contract route (and its
 * attachments and payments) exactly as a missing one, stays unchanged, and is on none of the
 * intruder's lists. Finance and admins read all contracts by design (not intruders here).
 */
describe.each(INTRUDERS)('BOLA on contracts: $who', ({ email }) => {
  let contract: Rec;
  let attachmentId: string;
  beforeAll(async () => {
    const westRep = apiAs(runtime, 'sales2@cirrus.local');
    const company = await admin.post<Rec>('/api/companies', aCompany());
    const today = new Date().toISOString().slice(0, 10);
    const res = await westRep.post<Rec>('/api/contracts', {
      title: `West contract ${email}`,
      companyId: company.body.id,
      startDate: today,
      endDate: '2031-06-30',
      value: 10_000,
      currency: 'CNY',
    });
    expect(res.status).toBe(201);
    expect(res.body.teamId).toBe('team-west');
    const upload = await westRep.post<{ attachment: { id: string } }>(`/api/contracts/${res.body.id}/attachments`, {
      fileName: 'west.pdf',
      contentType: 'application/pdf',
      size: 10,
    });
    expect(upload.status).toBe(201);
    attachmentId = upload.body.attachment.id;
    contract = (await admin.get<Rec>(`/api/contracts/${res.body.id}`)).body;
  });

  const CONTRACT_ROUTES = [
    { name: 'GET /api/contracts/{id}', call: (api: Api, id: string) => api.get(`/api/contracts/${id}`) },
    {
      name: 'PATCH /api/contracts/{id}',
      call: (api: Api, id: string) => api.patch(`/api/contracts/${id}`, { title: 'Pwned', version: 1 }),
    },
    {
      name: 'POST /api/contracts/{id}/renew',
      call: (api: Api, id: string) => api.post(`/api/contracts/${id}/renew`, { version: 1 }),
    },
    {
      name: 'POST /api/contracts/{id}/terminate',
      call: (api: Api, id: string) => api.post(`/api/contracts/${id}/terminate`, { version: 1 }),
    },
    {
      name: 'POST /api/contracts/{id}/attachments',
      call: (api: Api, id: string) =>
        api.post(`/api/contracts/${id}/attachments`, { fileName: 'x.pdf', contentType: 'application/pdf', size: 1 }),
    },
    {
      name: 'GET /api/contracts/{id}/attachments/{attachmentId}',
      call: (api: Api, id: string) => api.get(`/api/contracts/${id}/attachments/${attachmentId}`),
    },
    {
      name: 'POST /api/contracts/{id}/attachments/{attachmentId}/confirm',
      call: (api: Api, id: string) => api.post(`/api/contracts/${id}/attachments/${attachmentId}/confirm`),
    },
  ] as const;

  it.each(CONTRACT_ROUTES)('$name answers as for a contract that does not exist', async ({ call }) => {
    const intruder = apiAs(runtime, email);
    const hidden = await call(intruder, contract.id);
    const missing = await call(intruder, MISSING_ID);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(contract.id);
    expect((await admin.get<Rec>(`/api/contracts/${contract.id}`)).body).toEqual(contract);
  });

  it("leaves the contract off the intruder's lists (updated, expiring, expired)", async () => {
    const intruder = apiAs(runtime, email);
    for (const query of ['limit=100', 'endingWithinDays=366&limit=100', 'status=expired&limit=100']) {
      const list = await intruder.get<{ items: Rec[] }>(`/api/contracts?${query}`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r) => r.id)).not.toContain(contract.id);
    }
  });
});

/**
 * The home page and a record's tasks panel: another team's deal and contract never reach the
 * intruder's home (their deals by stage stay their own totals, the expiring list leaves the
 * contract out), and the deal's tasks answer as for a deal that does not exist.
 */
describe.each(INTRUDERS)('BOLA on the home page and record tasks: $who', ({ email }) => {
  type Home = {
    deals: { stages: { stageId: string; count: number }[] } | null;
    contractsExpiring: { items: { id: string }[] } | null;
  };
  let before: Home;
  let deal: Rec;
  let contract: Rec;
  beforeAll(async () => {
    const intruder = apiAs(runtime, email);
    before = (await intruder.get<Home>('/api/dashboard/home?tz=UTC')).body;
    const westRep = apiAs(runtime, 'sales2@cirrus.local');
    const d = await westRep.post<Rec>('/api/deals', {
      name: `West home deal ${email}`,
      amount: 70_000_000,
      currency: 'CNY',
      expectedCloseDate: '2031-06-30',
      stageId: 'negotiation',
    });
    expect(d.status).toBe(201);
    deal = d.body;
    const task = await westRep.post<Rec>('/api/tasks', {
      title: `West deal task ${email}`,
      dueAt: new Date(Date.now() + 3_600_000).toISOString(),
      related: { entity: 'deal', id: deal.id },
    });
    expect(task.status).toBe(201);
    const company = await admin.post<Rec>('/api/companies', aCompany());
    const today = new Date().toISOString().slice(0, 10);
    const c = await westRep.post<Rec>('/api/contracts', {
      title: `West expiring ${email}`,
      companyId: company.body.id,
      startDate: '2025-01-01',
      endDate: new Date(Date.parse(`${today}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10),
      value: 10_000,
      currency: 'CNY',
    });
    expect(c.status).toBe(201);
    contract = c.body;
  });

  it("keeps another team's deal out of the intruder's deals by stage", async () => {
    const after = (await apiAs(runtime, email).get<Home>('/api/dashboard/home?tz=UTC')).body;
    expect(after.deals).toEqual(before.deals);
  });

  it("keeps another team's contract off the intruder's expiring list", async () => {
    const after = (await apiAs(runtime, email).get<Home>('/api/dashboard/home?tz=UTC')).body;
    expect(after.contractsExpiring!.items.map((c) => c.id)).not.toContain(contract.id);
    const owner = (await apiAs(runtime, 'sales2@cirrus.local').get<Home>('/api/dashboard/home?tz=UTC')).body;
    expect(owner.contractsExpiring!.items.map((c) => c.id)).toContain(contract.id);
  });

  it.each(['open', 'done'])("answers the deal's %s tasks as for a deal that does not exist", async (view) => {
    const intruder = apiAs(runtime, email);
    const hidden = await intruder.get(`/api/tasks?related=deal:${deal.id}&view=${view}`);
    const missing = await intruder.get(`/api/tasks?related=deal:${MISSING_ID}&view=${view}`);
    expect(hidden.status).toBe(404);
    expect(comparable(hidden)).toEqual(comparable(missing));
    expect(JSON.stringify(hidden.body)).not.toContain(deal.id);
  });
});
