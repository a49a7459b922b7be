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
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reencryptBatch } from '../../functions/jobs/reencrypt-worker.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { db, tableName } from '../../shared/db/client.js';
import { auditSource, keys } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import { ENCRYPTED_MARKER, MASK } from '../../shared/domain/customers/sensitive-fields.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

/**
 * Built-in fields made sensitive by an admin (contact phone and address, company address): the
 * re-encryption job over records stored before, masked reads, the 403 on writes by other roles,
 * `[encrypted]` in audit, and an exact phone match (search, duplicate check) through the blind index.
 */
type Rec = Record<string, unknown> & { id: string; version: number; phone?: unknown; address?: unknown };
type Job = { id: string; status: string; updated: number; scanned: number; batch: number; target: string };
type Setting = { entity: string; key: string; sensitive: boolean; readRoles: string[]; version: number; job?: Job };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const SALES1_ID = STAFF_USERS.find((u) => u.email === 'sales1@cirrus.local')!.id;
const suffix = () => String(1000 + Math.floor(Math.random() * 8999));

let runtime: Runtime;
let admin: Api;
let sales1: Api;
let support: Api;
let finance: Api;
let before: Rec;
let company: Rec;
let phoneJob: Job;
const PHONE_TYPED = `+1 415 555 ${suffix()}`;
const PHONE_E164 = PHONE_TYPED.replace(/\s/g, '');
const NATIONAL = PHONE_E164.slice(2);

async function settingOf(entity: string, key: string): Promise<Setting> {
  const res = await admin.get<{ builtIn: Setting[] }>(`/api/custom-fields?entity=${entity}`);
  return res.body.builtIn.find((s) => s.key === key)!;
}

async function setSensitivity(entity: string, key: string, sensitive: boolean, readRoles: string[]): Promise<Setting> {
  const current = await settingOf(entity, key);
  const res = await admin.patch<Setting>(`/api/custom-fields/${entity}/built-in/${key}`, {
    sensitive,
    readRoles,
    version: current.version,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function waitForJob(id: string): Promise<Job> {
  await runtime.drain();
  for (let i = 0; i < 50; i++) {
    const res = await admin.get<Job>(`/api/custom-fields/jobs/${id}`);
    expect(res.status).toBe(200);
    if (res.body.status === 'done') return res.body;
    await runtime.drain();
  }
  throw new Error('job did not finish');
}

const rawItem = async (kind: 'contact' | 'company', id: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.record(kind, id) }))).Item!;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');
  support = apiAs(runtime, 'support@cirrus.local');
  finance = apiAs(runtime, 'finance@cirrus.local');
  // Stored in plaintext before any field is sensitive.
  const made = await sales1.post<Rec>('/api/contacts', aContact({ phone: PHONE_TYPED }));
  expect(made.status, JSON.stringify(made.body)).toBe(201);
  before = made.body;
  const co = await sales1.post<Rec>('/api/companies', aCompany({ address: { country: 'CN', city: '上海' } }));
  expect(co.status, JSON.stringify(co.body)).toBe(201);
  company = co.body;
  const setting = await setSensitivity('contact', 'phone', true, ['sales', 'finance']);
  expect(setting.job?.target).toBe('encrypt');
  phoneJob = await waitForJob(setting.job!.id);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('contact phone made sensitive (readable by sales and finance)', () => {
  it('lists the built-in settings next to the custom fields, versioned', async () => {
    const phone = await settingOf('contact', 'phone');
    expect(phone).toMatchObject({ sensitive: true, readRoles: ['sales', 'finance'], version: 2 });
    expect((await settingOf('company', 'address')).sensitive).toBe(false);
  });

  it('re-encrypted the phone stored before: no plaintext left, blind index instead of digits', async () => {
    expect(phoneJob.updated).toBeGreaterThanOrEqual(1);
    const item = await rawItem('contact', before.id);
    expect(item.phone).toEqual({ $sealed: expect.any(String) });
    expect(JSON.stringify(item)).not.toContain(NATIONAL);
    expect(item.gsi9pk).toBe('CONTACT#PHONE_BLIND');
    expect(item.version).toBe(before.version + 1);
  });

  it('shows the phone to sales and finance, •••• to support, and masks it in lists', async () => {
    expect((await sales1.get<Rec>(`/api/contacts/${before.id}`)).body.phone).toBe(PHONE_E164);
    expect((await finance.get<Rec>(`/api/contacts/${before.id}`)).body.phone).toBe(PHONE_E164);
    const masked = await support.get<Rec>(`/api/contacts/${before.id}`);
    expect(masked.body.phone).toBe(MASK);
    expect(JSON.stringify(masked.body)).not.toContain(NATIONAL);
    expect(JSON.stringify(masked.body)).not.toContain('phoneBlind');
    const list = await admin.get<Listed<Rec>>(`/api/contacts?ownerId=${SALES1_ID}&limit=100`);
    expect(list.body.items.find((c) => c.id === before.id)?.phone).toBe(MASK);
  });

  it('finds it by the exact number (any notation), not by a prefix', async () => {
    for (const q of [PHONE_TYPED, PHONE_E164, `(415) 555-${NATIONAL.slice(-4)}`]) {
      const res = await sales1.get<Listed<Rec>>(`/api/contacts?q=${encodeURIComponent(q)}`);
      expect(res.status).toBe(200);
      expect(
        res.body.items.map((c) => c.id),
        q,
      ).toContain(before.id);
    }
    const prefix = await admin.get<Listed<Rec>>(`/api/contacts?q=${encodeURIComponent(NATIONAL.slice(0, 6))}`);
    expect(prefix.body.items.map((c) => c.id)).not.toContain(before.id);
  });

  it('still reports the duplicate by phone', async () => {
    const res = await sales1.get<{ matches: { field: string; ownership: string; record?: { id: string } }[] }>(
      `/api/duplicates?phone=${encodeURIComponent(PHONE_TYPED)}`,
    );
    expect(res.status).toBe(200);
    expect(res.body.matches).toContainEqual(
      expect.objectContaining({ field: 'phone', ownership: 'you', record: expect.objectContaining({ id: before.id }) }),
    );
  });

  it('seals a phone written now at once, and its audit carries [encrypted]', async () => {
    const made = await sales1.post<Rec>('/api/contacts', aContact({ phone: `+1 415 555 ${suffix()}` }));
    expect(made.status).toBe(201);
    expect(made.body.phone).toMatch(/^\+1415555/);
    expect((await rawItem('contact', made.body.id)).phone).toEqual({ $sealed: expect.any(String) });
    await runtime.drain();
    const timeline = await admin.get<Listed<{ changes: { field: string; after: unknown }[] }>>(
      `/api/contacts/${made.body.id}/timeline?limit=20`,
    );
    const text = JSON.stringify(timeline.body);
    expect(text).not.toContain('$sealed');
    expect(text).not.toContain('phoneBlind');
    expect(timeline.body.items.flatMap((i) => i.changes).find((c) => c.field === 'phone')?.after).toBe(
      ENCRYPTED_MARKER,
    );
  });
});

describe('address made sensitive for finance only', () => {
  it('refuses a sales write of the address with 403 naming the field, and re-encrypts a company address', async () => {
    const setting = await setSensitivity('company', 'address', true, ['finance']);
    const job = await waitForJob(setting.job!.id);
    expect(job.status).toBe('done');
    expect((await rawItem('company', company.id)).address).toEqual({ $sealed: expect.any(String) });
    expect((await sales1.get<Rec>(`/api/companies/${company.id}`)).body.address).toBe(MASK);
    expect((await finance.get<Rec>(`/api/companies/${company.id}`)).body.address).toEqual({
      country: 'CN',
      city: '上海',
    });
    const refused = await sales1.patch<ErrorBody>(`/api/companies/${company.id}`, {
      address: { city: '北京' },
      version: (await rawItem('company', company.id)).version,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.fields).toHaveProperty('address');
    // Other edits by sales keep working and leave the sealed address as it is.
    const renamed = await sales1.patch<Rec>(`/api/companies/${company.id}`, {
      industry: 'Retail',
      version: (await rawItem('company', company.id)).version,
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body.address).toBe(MASK);
  });

  it('re-encrypts despite a concurrent edit (version conflict, re-read and retried) and is idempotent under redelivery', async () => {
    const made = await sales1.post<Rec>('/api/contacts', aContact({ phone: undefined, title: 'Buyer' }));
    expect(made.status).toBe(201);
    const contact = made.body;
    const client = db();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const mock = mockClient(client);
    for (const Command of [GetCommand, BatchGetCommand, QueryCommand, PutCommand, UpdateCommand]) {
      const Make = Command as unknown as new (input: object) => unknown;
      mock.on(Command as never).callsFake((input: object) => realSend(new Make(input)));
    }
    let interfered = false;
    mock.on(TransactWriteCommand).callsFake(async (input: TransactWriteCommandInput) => {
      const touches = input.TransactItems?.some((t) => t.Put?.Item?.pk === `CONTACT#${contact.id}`);
      if (touches && !interfered) {
        interfered = true;
        // Someone edits the contact between the worker's read and its write.
        await realSend(
          new UpdateCommand({
            TableName: tableName(),
            Key: keys.record('contact', contact.id),
            UpdateExpression: 'SET title = :t, version = version + :one',
            ExpressionAttributeValues: { ':t': 'Head of buying', ':one': 1 },
          }),
        );
      }
      return realSend(new TransactWriteCommand(input));
    });
    let job: Job;
    try {
      const setting = await setSensitivity('contact', 'address', true, ['finance']);
      job = await waitForJob(setting.job!.id);
    } finally {
      mock.restore();
    }
    expect(interfered).toBe(true);
    const item = await rawItem('contact', contact.id);
    expect(item.address).toEqual({ $sealed: expect.any(String) });
    expect(item.title).toBe('Head of buying');
    expect(item.version).toBe(contact.version + 2);
    expect((await finance.get<Rec>(`/api/contacts/${contact.id}`)).body.address).toEqual(contact.address);

    // Redelivery: the first page again, as if the job had not closed it; then the same message twice.
    const auditsBefore = await queryPage(auditSource('contact', contact.id), { limit: 50, forward: false });
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reencryptJob(job.id),
        UpdateExpression: 'SET #batch = :one, #status = :running',
        ExpressionAttributeNames: { '#batch': 'batch', '#status': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':running': 'running' },
      }),
    );
    const first = await reencryptBatch({ jobId: job.id, batch: 1, phase: 'live' });
    const again = await reencryptBatch({ jobId: job.id, batch: 1, phase: 'live' });
    expect(first.updated).toBe(0);
    expect(again.updated).toBe(0);
    const redone = await waitForJob(job.id);
    expect(redone.updated).toBe(job.updated);
    const auditsAfter = await queryPage(auditSource('contact', contact.id), { limit: 50, forward: false });
    expect(auditsAfter.items).toHaveLength(auditsBefore.items.length);
    expect((await rawItem('contact', contact.id)).version).toBe(contact.version + 2);
    expect(runtime.status().queues.find((q) => q.id === 'reencrypt')!.deadLetters).toEqual([]);
  });

  it('turning sensitivity off opens the values again and restores the plain phone index', async () => {
    const setting = await setSensitivity('contact', 'phone', false, []);
    expect(setting.job?.target).toBe('decrypt');
    await waitForJob(setting.job!.id);
    const item = await rawItem('contact', before.id);
    expect(item.phone).toBe(PHONE_E164);
    expect(item.phoneBlind).toBeUndefined();
    expect(item.gsi9pk).toBe('CONTACT#PHONE');
    expect((await support.get<Rec>(`/api/contacts/${before.id}`)).body.phone).toBe(PHONE_E164);
    const prefix = await admin.get<Listed<Rec>>(`/api/contacts?q=${encodeURIComponent(NATIONAL.slice(0, 6))}`);
    expect(prefix.body.items.map((c) => c.id)).toContain(before.id);
  });

  it('answers 404 for an unknown job and for a field that is not built in', async () => {
    expect((await admin.get('/api/custom-fields/jobs/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(
      (await admin.patch('/api/custom-fields/company/built-in/phone', { sensitive: true, version: 1 })).status,
    ).toBe(404);
  });
});
