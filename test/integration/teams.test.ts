import { SendMessageBatchCommand, type SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { describe, expect, it } from 'vitest';
import { reassignBatch } from '../../functions/jobs/reassign-worker.js';
import { db } from '../../shared/db/client.js';
import { toApi } from '../../shared/db/customer-records.repository.js';
import { ALL_INDEX_ATTRIBUTES, auditSource, keys, liveIndexKeys, ownerRecordsSource } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/kit.js';
import { queryPage } from '../../shared/db/query.js';
import { getReassignmentJob, putReassignmentJob } from '../../shared/db/reassignments.repository.js';
import { unavailable } from '../../shared/domain/common/errors.js';
import { PageNotReady } from '../../shared/queues/page-not-ready.js';
import { queueClient } from '../../shared/queues/sender.js';
import { aContact } from '../support/fixtures.js';
import type { Api, Listed } from '../support/runtime.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/**
 * Teams, a manager's team scope and bulk reassignment, against the seeded teams:
 * East 华东 (manager, sales1) and West (sales2).
 */
type Rec = Record<string, unknown> & { id: string; version: number; ownerId: string; teamId?: string };
type Team = { id: string; name: string; memberIds: string[]; version: number };
type Job = { id: string; status: string; moved: number; skipped: number };

const env = setUpRuntime();
const { admin, manager, sales1, sales2 } = env;
const SALES1 = staffId('sales1@cirrus.local');
const SALES2 = staffId('sales2@cirrus.local');
const MANAGER = staffId('manager@cirrus.local');

async function create(api: Api, overrides: Record<string, unknown> = {}): Promise<Rec> {
  const res = await api.post<Rec>('/api/contacts', aContact(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

async function waitForJob(api: Api, id: string): Promise<Job> {
  for (let i = 0; i < 100; i++) {
    await env.runtime.drain();
    const job = await api.get<Job>(`/api/reassignments/${id}`);
    if (job.body.status === 'done') return job.body;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${id} did not finish: ${JSON.stringify(env.runtime.status().queues)}`);
}

describe("a manager's team scope", () => {
  it("stamps a record with its owner's team", async () => {
    expect((await create(sales1)).teamId).toBe('team-east');
    expect((await create(sales2)).teamId).toBe('team-west');
  });

  it("lists the team's records and not another team's, from the team index", async () => {
    const east = await create(sales1);
    const west = await create(sales2);
    const list = await manager.get<Listed<Rec>>('/api/contacts?limit=100');
    const ids = list.body.items.map((c) => c.id);
    expect(ids).toContain(east.id);
    expect(ids).not.toContain(west.id);
    expect(list.body.items.every((c) => c.teamId === 'team-east')).toBe(true);
    expect((await manager.get(`/api/contacts/${east.id}`)).status).toBe(200);
    expect((await manager.get(`/api/contacts/${west.id}`)).status).toBe(404);
  });

  it('answers an empty list for a team that is not theirs', async () => {
    const list = await manager.get<Listed<Rec>>('/api/contacts?teamId=team-west');
    expect(list.status).toBe(200);
    expect(list.body.items).toEqual([]);
  });

  it('lets a manager edit and reassign a record within the team, not out of it', async () => {
    const contact = await create(sales1);
    const edited = await manager.patch<Rec>(`/api/contacts/${contact.id}`, { ownerId: MANAGER, version: 1 });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ ownerId: MANAGER, teamId: 'team-east' });
    const out = await manager.patch<{ error: { code: string } }>(`/api/contacts/${contact.id}`, {
      ownerId: SALES2,
      version: 2,
    });
    expect(out.status).toBe(403);
    expect(out.body.error.code).toBe('record.assign_forbidden');
  });

  it("moves a record into the new owner's team when an admin reassigns it", async () => {
    const contact = await create(sales1);
    const moved = await admin.patch<Rec>(`/api/contacts/${contact.id}`, { ownerId: SALES2, version: 1 });
    expect(moved.body).toMatchObject({ ownerId: SALES2, teamId: 'team-west' });
    expect((await manager.get(`/api/contacts/${contact.id}`)).status).toBe(404);
  });
});

describe('teams', () => {
  it('lists the seeded teams by name', async () => {
    const teams = await sales1.get<{ items: Team[] }>('/api/teams');
    expect(teams.body.items.map((t) => t.name)).toEqual(['East 华东', 'West']);
  });

  it('keeps membership on both sides, audits each change and puts the teams in the token', async () => {
    const createdTeam = await admin.post<Team>('/api/teams', { name: 'North', memberIds: [SALES2] });
    expect(createdTeam.status).toBe(201);
    const team = createdTeam.body;
    const staff = async () =>
      (await admin.get<{ items: { id: string; teamIds?: string[] }[] }>('/api/staff')).body.items;
    expect((await staff()).find((u) => u.id === SALES2)?.teamIds).toEqual(['team-west', team.id]);

    const patched = await admin.patch<Team>(`/api/teams/${team.id}`, { memberIds: [SALES1], version: 1 });
    expect(patched.status).toBe(200);
    const after = await staff();
    expect(after.find((u) => u.id === SALES2)?.teamIds).toEqual(['team-west']);
    expect(after.find((u) => u.id === SALES1)?.teamIds).toEqual(['team-east', team.id]);
    const token = await env.runtime.token('sales1@cirrus.local');
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString());
    expect(claims['custom:teams']).toBe(`team-east,${team.id}`);

    const stale = await admin.patch(`/api/teams/${team.id}`, { name: 'Nord', version: 1 });
    expect(stale.status).toBe(409);
    expect((await admin.delete(`/api/teams/${team.id}`)).status).toBe(204);
    expect((await staff()).find((u) => u.id === SALES1)?.teamIds).toEqual(['team-east']);

    const audit = await queryPage<{ action: string; changes: { field: string }[] }>(auditSource('team', team.id), {
      limit: 10,
      forward: false,
    });
    expect(audit.items.map((a) => a.action)).toEqual(['deleted', 'updated', 'created']);
    expect(audit.items[1]!.changes.map((c) => c.field)).toContain('memberIds');
  });

  it('refuses deleting a team that still has records (409 team.has_records), and changes nothing', async () => {
    const west = (await admin.get<Listed<Team>>('/api/teams')).body.items.find((t) => t.id === 'team-west')!;
    await create(sales2);
    const res = await admin.delete<{ error: { code: string } }>('/api/teams/team-west');
    expect([res.status, res.body.error.code]).toEqual([409, 'team.has_records']);
    const after = (await admin.get<Listed<Team>>('/api/teams')).body.items.find((t) => t.id === 'team-west')!;
    expect(after).toEqual(west);
  });

  it("adds the user's teams to Cognito ID tokens, as the pre-token-generation trigger", async () => {
    const { handler } = await import('../../functions/identity/pre-token-generation.js');
    const event = {
      request: { userAttributes: { sub: SALES2 } },
      response: { claimsOverrideDetails: {} },
    } as unknown as Parameters<typeof handler>[0];
    const out = await handler(event);
    expect(out.response.claimsOverrideDetails?.claimsToAddOrOverride).toEqual({ 'custom:teams': 'team-west' });
  });

  it('refuses a member who does not exist, naming the field', async () => {
    const res = await admin.post<{ error: { fields: Record<string, string> } }>('/api/teams', {
      name: 'Ghosts',
      memberIds: ['no-such-user'],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields.memberIds).toMatch(/Unknown user/);
  });
});

describe('bulk reassignment', () => {
  it('moves every record of the rep page by page, each with its audit record; a rerun moves nothing', async () => {
    const rep = env.as('sales2@cirrus.local');
    const mine = await rep.get<Listed<Rec>>('/api/contacts?limit=100');
    for (let i = mine.body.items.length; i < 30; i++) await create(rep);
    const before = (await rep.get<Listed<Rec>>('/api/contacts?limit=100')).body.items;

    const res = await admin.post<Job>('/api/reassignments', {
      kind: 'contact',
      fromOwnerId: SALES2,
      toOwnerId: SALES1,
    });
    expect(res.status).toBe(202);
    const job = await waitForJob(admin, res.body.id);
    expect(job.moved).toBe(before.length);

    expect((await rep.get<Listed<Rec>>('/api/contacts?limit=100')).body.items).toEqual([]);
    for (const c of before.slice(0, 5)) {
      const now = (await admin.get<Rec>(`/api/contacts/${c.id}`)).body;
      expect(now).toMatchObject({ ownerId: SALES1, teamId: 'team-east', version: c.version + 1 });
      const audit = await queryPage<{ action: string; changes: { field: string }[] }>(auditSource('contact', c.id), {
        limit: 10,
        forward: false,
      });
      expect(audit.items[0]!.action).toBe('updated');
      expect(audit.items[0]!.changes.map((x) => x.field)).toContain('ownerId');
      expect(audit.items.filter((a) => a.action === 'updated')).toHaveLength(1);
    }

    const rerun = await admin.post<Job>('/api/reassignments', {
      kind: 'contact',
      fromOwnerId: SALES2,
      toOwnerId: SALES1,
    });
    expect((await waitForJob(admin, rerun.body.id)).moved).toBe(0);
  });

  it('rewrites only ownership: index keys equal a full recompute, the team index goes with a teamless owner', async () => {
    const made = await create(sales1, { phone: '+86 138 0013 8000' });
    const ADMIN_ID = staffId('admin@cirrus.local');
    const res = await admin.post<Job>('/api/reassignments', {
      kind: 'contact',
      fromOwnerId: SALES1,
      toOwnerId: ADMIN_ID,
    });
    await waitForJob(admin, res.body.id);
    const { Item } = await db().send(
      new GetCommand({ TableName: env.runtime.tableName, Key: keys.record('contact', made.id) }),
    );
    const record = toApi(Item!);
    expect(record).toMatchObject({ ownerId: ADMIN_ID, phone: made.phone, version: made.version + 1 });
    expect(record.teamId).toBeUndefined();
    const indexed = Object.fromEntries(ALL_INDEX_ATTRIBUTES.filter((a) => a in Item!).map((a) => [a, Item![a]]));
    // What a full write of the moved record would store: nothing stale (owner, team, updatedAt), nothing lost (phone).
    expect(indexed).toEqual(liveIndexKeys('contact', record));
    expect(indexed.gsi9pk).toBe('CONTACT#PHONE');
    // Found where the lists look: the new owner's, not the old one's.
    const adminOwn = await queryPage<Rec>(ownerRecordsSource('contact', ADMIN_ID), { limit: 100, forward: false });
    expect(adminOwn.items.map((r) => r.id)).toContain(made.id);
    const old = await sales1.get<Listed<Rec>>('/api/contacts?limit=200');
    expect(old.body.items.map((r) => r.id)).not.toContain(made.id);
  });

  it('retries a failed batch and moves each record once', async () => {
    const rep = env.as('sales2@cirrus.local');
    const made = [await create(rep), await create(rep), await create(rep)];
    const client = db();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const mock = mockClient(client);
    // Everything reaches DynamoDB Local, except that the second record move fails once, mid-batch.
    for (const Command of [GetCommand, BatchGetCommand, QueryCommand, PutCommand, UpdateCommand]) {
      const Make = Command as unknown as new (input: object) => unknown;
      mock.on(Command as never).callsFake((input: object) => realSend(new Make(input)));
    }
    let writes = 0;
    // Only the record moves count (each carries the job's counter): notifications of the moves
    // are written by background consumers through the same client.
    const isMove = (input: TransactWriteCommandInput) =>
      (input.TransactItems ?? []).some((t) => t.Update?.Key?.sk === keys.reassignment('any').sk);
    mock.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      if (!isMove(input)) return realSend(new TransactWriteCommand(input));
      writes += 1;
      if (writes === 2) throw new Error('injected: connection reset');
      return realSend(new TransactWriteCommand(input));
    });
    try {
      const res = await admin.post<Job>('/api/reassignments', {
        kind: 'contact',
        fromOwnerId: SALES2,
        toOwnerId: SALES1,
      });
      const job = await waitForJob(admin, res.body.id);
      expect(job.moved).toBe(made.length);
    } finally {
      mock.restore();
    }
    for (const c of made) {
      const audit = await queryPage<{ action: string }>(auditSource('contact', c.id), { limit: 10, forward: false });
      expect(audit.items.map((a) => a.action)).toEqual(['updated', 'created']);
    }
    expect(env.runtime.status().queues.find((q) => q.id === 'reassign')!.deadLetters).toEqual([]);
  });

  it("lets a manager move only their team's records, to a member of their teams", async () => {
    const refused = await manager.post<{ error: { code: string } }>('/api/reassignments', {
      kind: 'contact',
      fromOwnerId: SALES1,
      toOwnerId: SALES2,
    });
    expect(refused.status).toBe(403);
    const east = await create(sales1);
    const res = await manager.post<Job>('/api/reassignments', {
      kind: 'contact',
      fromOwnerId: SALES1,
      toOwnerId: MANAGER,
    });
    expect(res.status).toBe(202);
    const job = await waitForJob(manager, res.body.id);
    expect(job.moved).toBeGreaterThanOrEqual(1);
    expect((await admin.get<Rec>(`/api/contacts/${east.id}`)).body.ownerId).toBe(MANAGER);
    // Records sales1 got from West by the admin's bulk move are in East now; any of another team stay.
    expect((await sales1.get(`/api/reassignments/${res.body.id}`)).status).toBe(403);
  });
});

describe('a job started through the outbox', () => {
  it('finishes when the first queue send fails: the job starter is retried, the request never sends', async () => {
    const rep = env.as('sales2@cirrus.local');
    const made = [await create(rep), await create(rep)];
    const client = queueClient();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const mock = mockClient(client);
    const sends: string[] = [];
    mock.on(SendMessageBatchCommand).callsFake((input: SendMessageBatchCommandInput) => {
      sends.push(input.QueueUrl ?? '');
      if (sends.length === 1) throw new Error('injected: SQS unreachable');
      return realSend(new SendMessageBatchCommand(input));
    });
    const startsBefore = env.runtime.status().invocations.jobStarter ?? 0;
    try {
      const res = await admin.post<Job>('/api/reassignments', {
        kind: 'contact',
        fromOwnerId: SALES2,
        toOwnerId: SALES1,
      });
      expect(res.status).toBe(202);
      // Answered before any send: the request itself queues nothing.
      expect(res.body.status).toBe('running');
      const job = await waitForJob(admin, res.body.id);
      expect(job.moved).toBeGreaterThanOrEqual(made.length);
      expect(sends[0]).toContain('reassign');
      expect(env.runtime.status().invocations.jobStarter! - startsBefore).toBe(2);
      const audit = await queryPage<{ entity: string; action: string; events: string[] }>(
        auditSource('job', res.body.id),
        {
          limit: 5,
          forward: false,
        },
      );
      expect(audit.items).toMatchObject([
        { entity: 'job', action: 'created', events: ['job.created', 'reassignment.requested'] },
      ]);
    } finally {
      mock.restore();
    }
    expect(env.runtime.status().bus.deadLetters).toEqual([]);
    for (const c of made) expect((await admin.get<Rec>(`/api/contacts/${c.id}`)).body.ownerId).toBe(SALES1);
  });
});

describe('a reassignment page that arrives before the page before it is closed', () => {
  it('goes back to the queue (PageNotReady) instead of being dropped; a stale duplicate changes nothing', async () => {
    const id = `early-${Date.now()}`;
    const at = new Date().toISOString();
    const job = {
      id,
      kind: 'contact',
      fromOwnerId: 'nobody-owns-these',
      toOwnerId: SALES1,
      requestedBy: { id: 'admin', name: 'Admin' },
      status: 'running',
      moved: 0,
      skipped: 0,
      batch: 0,
      createdAt: at,
      updatedAt: at,
    } as const;
    await transactWrite([putReassignmentJob(job)], () => unavailable());
    await expect(reassignBatch({ jobId: id, batch: 1, cursor: 'next' })).rejects.toBeInstanceOf(PageNotReady);
    expect(await reassignBatch({ jobId: id, batch: 0 })).toEqual({ moved: 0 });
    expect((await getReassignmentJob(id))?.status).toBe('done');
    expect(await reassignBatch({ jobId: id, batch: 0 })).toEqual({ moved: 0 });
  });
});
