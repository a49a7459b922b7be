import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { returnDueLead } from '../../shared/app/leads/pool-commands.js';
import { auditSource } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/kit.js';
import { leadFollowUpTouch } from '../../shared/db/leads.repository.js';
import { queryPage } from '../../shared/db/query.js';
import { AppError } from '../../shared/domain/common/errors.js';
import { DEFAULT_RULES } from '../../shared/domain/leads/lead.schema.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, apiAs, startTestRuntime } from '../support/runtime.js';

/**
 * Leads against DynamoDB Local through the local gateway: assignment by team rules, the lead
 * pool (claim limit, cooldown, a race of two claims), the return sweep, and the duplicate check.
 * A team "Leads" of sales1 and sales2 is created for these tests; the seeded teams are East 华东
 * (manager, sales1) and West (sales2).
 */
type Rec = Record<string, unknown> & { id: string; version: number; ownerId: string; teamId?: string };
type Pool = { items: (Rec & { cooldownUntil?: string; email?: string })[]; held: number };

let runtime: Runtime;
let admin: Api;
let manager: Api;
let sales1: Api;
let sales2: Api;
let teamId: string;
const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;
const SALES1 = idOf('sales1@cirrus.local');
const SALES2 = idOf('sales2@cirrus.local');
const DAY = 86_400_000;

const aLead = (overrides: Record<string, unknown> = {}) => {
  const n = randomUUID().slice(0, 8);
  return { name: `Lead ${n}`, email: `lead.${n}@example.com`, source: 'web', ...overrides };
};

async function putRules(api: Api, team: string, rules: Record<string, unknown>) {
  const current = await api.get<{ items: { teamId: string; version: number }[] }>('/api/lead-rules');
  const version = current.body.items.find((r) => r.teamId === team)?.version ?? 0;
  return fetchPut(api, `/api/lead-rules/${team}`, { ...DEFAULT_RULES, ...rules, version });
}

const emailOf = new Map<Api, string>();
const as = (email: string): Api => {
  const api = apiAs(runtime, email);
  emailOf.set(api, email);
  return api;
};

/** PUT as the api's user (the shared test client has no PUT helper). Version 0 is sent as absent. */
async function fetchPut(api: Api, path: string, body: Record<string, unknown>) {
  const { version, ...rest } = body;
  const token = await runtime.token(emailOf.get(api)!);
  const res = await fetch(`${runtime.baseUrl}${path}`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(version ? { ...rest, version } : rest),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

async function newLead(api: Api, body: Record<string, unknown>): Promise<Rec> {
  const res = await api.post<Rec>('/api/leads', aLead(body));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = as('admin@cirrus.local');
  const team = await admin.post<{ id: string }>('/api/teams', { name: 'Leads', memberIds: [SALES1, SALES2] });
  expect(team.status).toBe(201);
  teamId = team.body.id;
  // Tokens are taken after the team exists, so their custom:teams claim lists it.
  manager = as('manager@cirrus.local');
  sales1 = as('sales1@cirrus.local');
  sales2 = as('sales2@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

describe('lead rules', () => {
  it('lets a manager save their team’s rules, audited, and not another team’s', async () => {
    const saved = await putRules(manager, 'team-east', { returnAfterDays: 10, claimLimit: 5, cooldownDays: 3 });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ teamId: 'team-east', returnAfterDays: 10, version: 1 });
    const audit = await queryPage(auditSource('leadPool', 'team-east'), { limit: 5, forward: false });
    expect(audit.items[0]).toMatchObject({ entity: 'leadPool', action: 'created' });

    const other = await putRules(manager, 'team-west', { claimLimit: 1 });
    expect(other.status).toBe(404);
    const stale = await fetchPut(manager, '/api/lead-rules/team-east', { ...DEFAULT_RULES, version: 1 });
    expect(stale.status).toBe(200);
    const again = await fetchPut(manager, '/api/lead-rules/team-east', { ...DEFAULT_RULES, version: 1 });
    expect(again.status).toBe(409);
  });

  it('rejects a rotation with someone outside the team, naming the field', async () => {
    const res = await putRules(admin, 'team-west', { rotation: [SALES1] });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { fields: { 'rotation.0': 'Not a member of this team' } } });
  });
});

describe('assignment by rules', () => {
  it('deals new leads round-robin within the team, each with an audit record', async () => {
    expect((await putRules(admin, teamId, { strategy: 'roundRobin', rotation: [SALES1, SALES2] })).status).toBe(200);
    const owners: string[] = [];
    for (let i = 0; i < 4; i++) owners.push((await newLead(admin, { teamId })).ownerId);
    expect(owners[0]).not.toBe(owners[1]);
    expect(owners).toEqual([owners[0], owners[1], owners[0], owners[1]]);
    expect(new Set(owners)).toEqual(new Set([SALES1, SALES2]));

    const lead = await newLead(admin, { teamId });
    expect(lead).toMatchObject({ lifecycleStage: 'lead', teamId });
    const audit = await queryPage<{ events: string[] }>(auditSource('contact', lead.id), { limit: 5, forward: false });
    expect(audit.items[0]!.events).toEqual(expect.arrayContaining(['contact.created', 'contact.assigned']));
    // The owner sees it in their contacts.
    const mine = await apiAs(runtime, lead.ownerId === SALES1 ? 'sales1@cirrus.local' : 'sales2@cirrus.local').get(
      `/api/contacts/${lead.id}`,
    );
    expect(mine.status).toBe(200);
  });

  it('maps a region to its rep and falls back to the rotation', async () => {
    const saved = await putRules(admin, teamId, {
      strategy: 'region',
      rotation: [SALES1],
      mappings: [{ match: 'CN', userId: SALES2 }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect((await newLead(admin, { teamId, address: { country: 'CN' } })).ownerId).toBe(SALES2);
    expect((await newLead(admin, { teamId, address: { country: 'US' } })).ownerId).toBe(SALES1);
  });

  it('puts a lead into the team’s pool, which a rep of another team cannot see', async () => {
    const lead = await newLead(admin, { teamId: 'team-east', assign: 'pool' });
    expect(lead.ownerId).toBe('POOL_team-east');
    const pool = await sales1.get<Pool>('/api/lead-pool?teamId=team-east');
    expect(pool.body.items.map((i) => i.id)).toContain(lead.id);
    expect(pool.body.items.find((i) => i.id === lead.id)).not.toHaveProperty('email');
    const outsider = await sales2.get<Pool>('/api/lead-pool?teamId=team-east');
    expect(outsider.body.items).toEqual([]);
    expect((await sales2.post(`/api/lead-pool/${lead.id}/claim`)).status).toBe(404);
  });

  it('does not let a sales rep assign by rules', async () => {
    const res = await sales1.post('/api/leads', aLead({ teamId, assign: 'rules' }));
    expect(res.status).toBe(403);
  });
});

describe('the lead pool', () => {
  it('stops a rep at the claim limit, and a release makes room', async () => {
    expect((await putRules(admin, teamId, { strategy: 'roundRobin', claimLimit: 2, cooldownDays: 0 })).status).toBe(
      200,
    );
    const leads = [];
    for (let i = 0; i < 3; i++) leads.push(await newLead(admin, { teamId, assign: 'pool' }));
    expect((await sales1.post(`/api/lead-pool/${leads[0]!.id}/claim`)).status).toBe(200);
    expect((await sales1.post(`/api/lead-pool/${leads[1]!.id}/claim`)).status).toBe(200);
    const third = await sales1.post(`/api/lead-pool/${leads[2]!.id}/claim`);
    expect(third.status).toBe(409);
    expect(third.body).toMatchObject({ error: { code: 'leadPool.claim_limit' } });
    expect((await sales1.get<Pool>(`/api/lead-pool?teamId=${teamId}`)).body.held).toBe(2);

    expect((await sales1.post(`/api/lead-pool/${leads[0]!.id}/release`)).status).toBe(200);
    expect((await sales1.post(`/api/lead-pool/${leads[2]!.id}/claim`)).status).toBe(200);
    const claimed = await sales1.get<Rec>(`/api/contacts/${leads[2]!.id}`);
    expect(claimed.body).toMatchObject({ ownerId: SALES1, teamId });
    // Give the claims back for the next tests.
    for (const l of [leads[1]!, leads[2]!])
      expect((await sales1.post(`/api/lead-pool/${l.id}/release`)).status).toBe(200);
  });

  it('keeps the previous owner out for the cooldown, not another rep', async () => {
    expect((await putRules(admin, teamId, { claimLimit: 10, cooldownDays: 5 })).status).toBe(200);
    const lead = await newLead(admin, { teamId, assign: 'pool' });
    expect((await sales1.post(`/api/lead-pool/${lead.id}/claim`)).status).toBe(200);
    expect((await sales1.post(`/api/lead-pool/${lead.id}/release`)).status).toBe(200);
    const pool = await sales1.get<Pool>(`/api/lead-pool?teamId=${teamId}`);
    expect(pool.body.items.find((i) => i.id === lead.id)?.cooldownUntil).toBeDefined();

    const back = await sales1.post(`/api/lead-pool/${lead.id}/claim`);
    expect(back.status).toBe(403);
    expect(back.body).toMatchObject({ error: { code: 'leadPool.cooldown' } });
    expect((await sales2.post(`/api/lead-pool/${lead.id}/claim`)).status).toBe(200);
    const audit = await queryPage<{ events: string[] }>(auditSource('contact', lead.id), { limit: 10, forward: false });
    expect(audit.items.flatMap((a) => a.events)).toEqual(
      expect.arrayContaining(['lead.claimed', 'lead.released', 'contact.assigned']),
    );
  });

  it('gives a lead claimed by two reps at once to exactly one', async () => {
    const lead = await newLead(admin, { teamId, assign: 'pool' });
    const [a, b] = await Promise.all([
      sales1.post(`/api/lead-pool/${lead.id}/claim`),
      sales2.post(`/api/lead-pool/${lead.id}/claim`),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses[0]).toBe(200);
    expect([404, 409]).toContain(statuses[1]);
    const winner = a.status === 200 ? SALES1 : SALES2;
    const stored = await admin.get<Rec>(`/api/contacts/${lead.id}`);
    expect(stored.body.ownerId).toBe(winner);
    const audit = await queryPage<{ events: string[] }>(auditSource('contact', lead.id), { limit: 10, forward: false });
    expect(audit.items.filter((i) => i.events.includes('lead.claimed'))).toHaveLength(1);
  });

  it('lets a rep release only a lead they may see', async () => {
    const lead = await newLead(admin, { teamId, assign: 'pool' });
    expect((await sales2.post(`/api/lead-pool/${lead.id}/claim`)).status).toBe(200);
    expect((await sales1.post(`/api/lead-pool/${lead.id}/release`)).status).toBe(404);
  });
});

describe('the return sweep', () => {
  it('returns only leads with no follow-up in N days, once, and keeps a lead followed up meanwhile', async () => {
    expect(
      (
        await putRules(admin, teamId, {
          strategy: 'roundRobin',
          rotation: [SALES1],
          returnAfterDays: 10,
          cooldownDays: 2,
        })
      ).status,
    ).toBe(200);
    const start = Date.now();
    const stale = await newLead(admin, { teamId });
    const touched = await newLead(admin, { teamId });
    const raced = await newLead(admin, { teamId });
    expect([stale.ownerId, touched.ownerId, raced.ownerId]).toEqual([SALES1, SALES1, SALES1]);
    const quiet = () => new AppError('conflict', 'leadPool.changed', 'x');
    await transactWrite(leadFollowUpTouch(touched as never, new Date(start + 8 * DAY).toISOString()), quiet);

    // The race: the sweep read `raced` as due, then a follow-up was logged before its write.
    const readBySweep = { contactId: raced.id, lastFollowUpAt: String(raced.createdAt), version: 1 };
    await transactWrite(leadFollowUpTouch(raced as never, new Date(start + 9 * DAY).toISOString()), quiet);
    const rules = { ...DEFAULT_RULES, teamId, returnAfterDays: 10, cooldownDays: 2 };
    const system = { userId: 'system', name: 'test' };
    expect(await returnDueLead(readBySweep, teamId, rules, system, new Date(start + 11 * DAY))).toBe('skipped');

    const at = new Date(start + 11 * DAY);
    const first = (await runtime.fireSchedule('lead-return-sweep', at)) as Record<string, number>;
    expect(first.returned).toBeGreaterThanOrEqual(1);
    const current = async (id: string) => (await admin.get<Rec>(`/api/contacts/${id}`)).body;
    expect((await current(stale.id)).ownerId).toBe(`POOL_${teamId}`);
    expect((await current(touched.id)).ownerId).toBe(SALES1);
    expect((await current(raced.id)).ownerId).toBe(SALES1);
    const audit = await queryPage<{ events: string[]; actor: { id: string } }>(auditSource('contact', stale.id), {
      limit: 5,
      forward: false,
    });
    expect(audit.items[0]).toMatchObject({ actor: { id: 'system' } });
    expect(audit.items[0]!.events).toContain('lead.returned');

    const second = (await runtime.fireSchedule('lead-return-sweep', at)) as Record<string, number>;
    expect(second.returned).toBe(0);
    const again = await queryPage(auditSource('contact', stale.id), { limit: 10, forward: false });
    expect(again.items).toHaveLength(audit.items.length);
    // The previous owner is in cooldown on it.
    const pool = await sales1.get<Pool>(`/api/lead-pool?teamId=${teamId}`);
    expect(pool.body.items.find((i) => i.id === stale.id)?.cooldownUntil).toBeDefined();
  });
});

describe('leads entered outside the pool', () => {
  it('starts the follow-up clock of a lead a rep enters as a contact, so it returns when unattended', async () => {
    const theirs = await sales2.post<Rec>('/api/contacts', aContact({ lifecycleStage: 'lead' }));
    const customer = await sales2.post<Rec>('/api/contacts', aContact({ lifecycleStage: 'customer' }));
    expect(theirs.status).toBe(201);
    await runtime.drain();
    const at = new Date(Date.now() + 40 * DAY);
    await runtime.fireSchedule('lead-return-sweep', at);
    const lead = await admin.get<Rec>(`/api/contacts/${theirs.body.id}`);
    expect(lead.body.ownerId).toMatch(/^POOL_/);
    const kept = await admin.get<Rec>(`/api/contacts/${customer.body.id}`);
    expect(kept.body.ownerId).toBe(SALES2);
  });
});

describe('converting a claimed lead', () => {
  it('frees a place under the claim limit at once', async () => {
    const team2 = await admin.post<{ id: string }>('/api/teams', { name: 'Leads 2', memberIds: [SALES1] });
    const rep = as('sales1@cirrus.local'); // a fresh token that lists the new team
    expect((await putRules(admin, team2.body.id, { claimLimit: 1, cooldownDays: 0 })).status).toBe(200);
    const a = await newLead(admin, { teamId: team2.body.id, assign: 'pool' });
    const b = await newLead(admin, { teamId: team2.body.id, assign: 'pool' });
    const claimed = await rep.post<Rec>(`/api/lead-pool/${a.id}/claim`);
    expect(claimed.status).toBe(200);
    expect((await rep.post(`/api/lead-pool/${b.id}/claim`)).status).toBe(409);
    const converted = await rep.patch(`/api/contacts/${a.id}`, {
      lifecycleStage: 'qualified',
      version: claimed.body.version,
    });
    expect(converted.status).toBe(200);
    await runtime.drain();
    expect((await rep.post(`/api/lead-pool/${b.id}/claim`)).status).toBe(200);
  });
});

describe('duplicate check', () => {
  it('names the other rep who owns a contact with that e-mail or phone, and nothing else', async () => {
    const theirs = await sales1.post<Rec>('/api/contacts', aContact({ phone: '+86 139 1234 5678' }));
    expect(theirs.status).toBe(201);
    const email = String(theirs.body.email);
    const res = await sales2.get<{ matches: Record<string, unknown>[] }>(
      `/api/duplicates?email=${encodeURIComponent(email.toUpperCase())}&phone=${encodeURIComponent('139 1234 5678')}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.matches).toEqual([
      { field: 'email', kind: 'contact', ownership: 'other', ownerName: 'Riley Zhang 张瑞' },
      { field: 'phone', kind: 'contact', ownership: 'other', ownerName: 'Riley Zhang 张瑞' },
    ]);
    const text = JSON.stringify(res.body);
    expect(text).not.toContain(theirs.body.id);
    expect(text).not.toContain(String(theirs.body.name));

    const own = await sales1.get<{ matches: Record<string, unknown>[] }>(
      `/api/duplicates?email=${encodeURIComponent(email)}`,
    );
    expect(own.body.matches).toEqual([
      { field: 'email', kind: 'contact', ownership: 'you', record: { id: theirs.body.id, name: theirs.body.name } },
    ]);
    const self = await sales1.get<{ matches: unknown[] }>(
      `/api/duplicates?email=${encodeURIComponent(email)}&excludeId=${theirs.body.id}`,
    );
    expect(self.body.matches).toEqual([]);
  });

  it('matches a company by its domain, also through an e-mail address at it', async () => {
    const company = await sales1.post<Rec>('/api/companies', aCompany());
    expect(company.status).toBe(201);
    const domain = String(company.body.domain);
    const byDomain = await sales2.get<{ matches: unknown[] }>(`/api/duplicates?domain=https://www.${domain}/about`);
    expect(byDomain.body.matches).toEqual([
      { field: 'domain', kind: 'company', ownership: 'other', ownerName: 'Riley Zhang 张瑞' },
    ]);
    const byEmail = await sales2.get<{ matches: unknown[] }>(`/api/duplicates?email=someone@${domain}`);
    expect(byEmail.body.matches).toEqual([
      { field: 'email', kind: 'company', ownership: 'other', ownerName: 'Riley Zhang 张瑞' },
    ]);
    const nothing = await sales2.get<{ matches: unknown[] }>('/api/duplicates?email=nobody@gmail.com');
    expect(nothing.body.matches).toEqual([]);
  });

  it('lets a manager see the record of their team’s rep', async () => {
    const theirs = await sales1.post<Rec>('/api/contacts', aContact());
    const res = await manager.get<{ matches: { record?: { id: string } }[] }>(
      `/api/duplicates?email=${encodeURIComponent(String(theirs.body.email))}`,
    );
    expect(res.body.matches[0]?.record?.id).toBe(theirs.body.id);
  });
});
