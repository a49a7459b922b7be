import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { db, tableName } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';
import { ENCRYPTED_MARKER, MASK } from '../../shared/domain/customers/sensitive-fields.js';
import { aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

type Rec = { id: string; version: number; customFields: Record<string, unknown> };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const SECRET = 'AB-938271-Z';
const SALES1_ID = STAFF_USERS.find((u) => u.email === 'sales1@cirrus.local')!.id;

let runtime: Runtime;
let admin: Api;
let finance: Api;
let sales1: Api;
let support: Api;
let sysadmin: Api;
let contact: Rec;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  finance = apiAs(runtime, 'finance@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');
  support = apiAs(runtime, 'support@cirrus.local');
  sysadmin = apiAs(runtime, 'sysadmin@cirrus.local');
  const def = await admin.post('/api/custom-fields', {
    entity: 'contact',
    key: 'nationalId',
    label: 'National id',
    type: 'text',
    sensitive: true,
    readRoles: ['finance'],
  });
  expect(def.status, JSON.stringify(def.body)).toBe(201);
  const res = await admin.post<Rec>(
    '/api/contacts',
    aContact({ ownerId: SALES1_ID, customFields: { nationalId: SECRET } }),
  );
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  contact = res.body;
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

describe('a sensitive custom field (nationalId, readable by finance)', () => {
  it('answers the writing admin with the plaintext', () => {
    expect(contact.customFields.nationalId).toBe(SECRET);
  });

  it('stores no plaintext in the table item', async () => {
    const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.record('contact', contact.id) }));
    expect(JSON.stringify(out.Item)).not.toContain(SECRET);
    expect(out.Item?.customFields.nationalId).toEqual({ $sealed: expect.any(String) });
  });

  it('shows finance the plaintext and sales, support and sysadmin the mask', async () => {
    expect((await finance.get<Rec>(`/api/contacts/${contact.id}`)).body.customFields.nationalId).toBe(SECRET);
    for (const api of [sales1, support, sysadmin]) {
      const res = await api.get<Rec>(`/api/contacts/${contact.id}`);
      expect(res.status).toBe(200);
      expect(res.body.customFields.nationalId).toBe(MASK);
      expect(JSON.stringify(res.body)).not.toContain(SECRET);
    }
  });

  it('masks it in lists for every role', async () => {
    const res = await admin.get<Listed<Rec>>(`/api/contacts?ownerId=${SALES1_ID}&limit=100`);
    const item = res.body.items.find((c) => c.id === contact.id);
    expect(item?.customFields.nationalId).toBe(MASK);
  });

  it('refuses a sales write with 403 naming customFields.nationalId, and keeps other edits working', async () => {
    const res = await sales1.patch<ErrorBody>(`/api/contacts/${contact.id}`, {
      version: contact.version,
      customFields: { nationalId: 'XX-1' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.fields).toHaveProperty(['customFields.nationalId']);
    const edit = await sales1.patch<Rec>(`/api/contacts/${contact.id}`, { version: contact.version, tier: 'silver' });
    expect(edit.status, JSON.stringify(edit.body)).toBe(200);
    expect(edit.body.customFields.nationalId).toBe(MASK);
    expect((await finance.get<Rec>(`/api/contacts/${contact.id}`)).body.customFields.nationalId).toBe(SECRET);
    contact = edit.body;
  });

  it('is rewritten by an admin (finance reads customers but writes none)', async () => {
    const res = await finance.patch<Rec>(`/api/contacts/${contact.id}`, {
      version: contact.version,
      customFields: { nationalId: 'CD-1234' },
    });
    expect(res.status).toBe(403);
    const byAdmin = await admin.patch<Rec>(`/api/contacts/${contact.id}`, {
      version: contact.version,
      customFields: { nationalId: 'CD-1234' },
    });
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.body.customFields.nationalId).toBe('CD-1234');
    contact = byAdmin.body;
  });

  it('keeps plaintext out of the timeline and the audit log export', async () => {
    await runtime.drain();
    const timeline = await admin.get<Listed<{ changes: { field: string; before: unknown; after: unknown }[] }>>(
      `/api/contacts/${contact.id}/timeline?limit=50`,
    );
    const text = JSON.stringify(timeline.body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('CD-1234');
    expect(text).not.toContain('$sealed');
    const change = timeline.body.items.flatMap((i) => i.changes).find((c) => c.field === 'customFields.nationalId');
    expect(change?.after).toBe(ENCRYPTED_MARKER);
    const csv = await fetch(`${runtime.baseUrl}/api/audit/export?entity=contact&entityId=${contact.id}`, {
      headers: { authorization: `Bearer ${await runtime.token('sysadmin@cirrus.local')}` },
    });
    expect(csv.status).toBe(200);
    const raw = await csv.text();
    expect(raw).toContain('customFields.nationalId');
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toContain('CD-1234');
    const log = await sysadmin.get(`/api/audit?entity=contact&entityId=${contact.id}&limit=50`);
    expect(JSON.stringify(log.body)).not.toContain(SECRET);
    expect(JSON.stringify(log.body)).toContain(ENCRYPTED_MARKER);
  });
});
