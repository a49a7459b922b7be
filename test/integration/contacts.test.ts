import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { dbUsage } from '../../shared/db/metrics.js';
import { aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

type Contact = Record<string, unknown> & { id: string; version: number; name: string; email?: string };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> }; requestId: string };

let runtime: Runtime;
let admin: Api;
let sales1: Api;
let sales2: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');
  sales2 = apiAs(runtime, 'sales2@cirrus.local');
});

afterAll(async () => {
  await runtime?.stop();
});

async function create(api: Api, overrides: Record<string, unknown> = {}): Promise<Contact> {
  const res = await api.post<Contact>('/api/contacts', aContact(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('contacts', () => {
  it('creates a contact, normalising its phone to E.164 and its e-mail to lower case', async () => {
    const res = await admin.post<Contact>(
      '/api/contacts',
      aContact({ email: 'Wei.Zhang@Example.CN', phone: '138 0013 8000', address: { country: 'CN' } }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'wei.zhang@example.cn',
      phone: '+8613800138000',
      version: 1,
      tags: ['vip'],
    });
    const read = await admin.get<Contact>(`/api/contacts/${res.body.id}`);
    expect(read.body).toEqual(res.body);
  });

  it('edits a contact with its version and records who changed which field in the timeline', async () => {
    const contact = await create(admin);
    const edited = await admin.patch<Contact>(`/api/contacts/${contact.id}`, {
      title: 'CTO',
      version: contact.version,
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'CTO', version: 2 });
    const timeline = await admin.get<
      Listed<{ action: string; actor: { name: string }; changes: { field: string; after: unknown }[] }>
    >(`/api/contacts/${contact.id}/timeline`);
    expect(timeline.body.items.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(timeline.body.items[0]!.changes).toEqual([{ field: 'title', before: null, after: 'CTO' }]);
    expect(timeline.body.items[0]!.actor.name).toBe('Avery Chen');
  });

  it('accepts the version in an If-Match header', async () => {
    const contact = await create(admin);
    const edited = await admin.patch<Contact>(`/api/contacts/${contact.id}`, { title: 'CEO' }, { 'if-match': '"1"' });
    expect(edited.status).toBe(200);
  });

  it('rejects a stale version with 409 and keeps the newer data', async () => {
    const contact = await create(admin);
    await admin.patch(`/api/contacts/${contact.id}`, { title: 'First', version: 1 });
    const stale = await admin.patch<ErrorBody>(`/api/contacts/${contact.id}`, { title: 'Second', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('request.stale_version');
    expect((await admin.get<Contact>(`/api/contacts/${contact.id}`)).body.title).toBe('First');
  });

  it('asks for a version on edit with 428', async () => {
    const contact = await create(admin);
    const res = await admin.patch<ErrorBody>(`/api/contacts/${contact.id}`, { title: 'X' });
    expect(res.status).toBe(428);
    expect(res.body.error.fields).toHaveProperty('version');
  });

  it('refuses a duplicate e-mail with 409 naming the existing contact', async () => {
    const first = await create(admin);
    const dup = await admin.post<ErrorBody>('/api/contacts', aContact({ email: first.email }));
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('contact.email_taken');
    expect(dup.body.error.message).toContain(first.id);
    expect(dup.body.error.fields?.email).toContain(first.id);
  });

  it('moves the e-mail guard when the e-mail changes, freeing the old address', async () => {
    const contact = await create(admin);
    const oldEmail = contact.email;
    await admin.patch(`/api/contacts/${contact.id}`, {
      email: `moved.${contact.id.slice(0, 6)}@example.com`,
      version: 1,
    });
    expect((await admin.post('/api/contacts', aContact({ email: oldEmail }))).status).toBe(201);
  });

  it('soft-deletes a contact out of lists and searches, then restores it', async () => {
    const contact = await create(admin, { name: 'Zebulon Trashable' });
    const deleted = await admin.delete<Contact>(`/api/contacts/${contact.id}`);
    expect(deleted.status).toBe(200);
    expect(deleted.body.deletedAt).toBeTruthy();
    const search = await admin.get<Listed<Contact>>('/api/contacts?q=zebulon');
    expect(search.body.items).toEqual([]);
    const trash = await admin.get<Listed<Contact>>('/api/contacts?view=deleted');
    expect(trash.body.items.map((c) => c.id)).toContain(contact.id);
    // The e-mail is free while the contact is in the trash…
    const restored = await admin.post<Contact>(`/api/contacts/${contact.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.deletedAt).toBeUndefined();
    expect((await admin.get<Listed<Contact>>('/api/contacts?q=zebulon')).body.items.map((c) => c.id)).toEqual([
      contact.id,
    ]);
    const timeline = await admin.get<Listed<{ action: string }>>(`/api/contacts/${contact.id}/timeline`);
    expect(timeline.body.items.map((e) => e.action)).toEqual(['restored', 'deleted', 'created']);
  });

  it('refuses to restore a contact whose e-mail was taken while it was deleted', async () => {
    const contact = await create(admin);
    await admin.delete(`/api/contacts/${contact.id}`);
    await create(admin, { email: contact.email });
    const restore = await admin.post<ErrorBody>(`/api/contacts/${contact.id}/restore`);
    expect(restore.status).toBe(409);
    expect(restore.body.error.code).toBe('contact.email_taken');
  });

  it('finds contacts by name prefix, e-mail prefix and phone digits', async () => {
    const contact = await create(admin, {
      name: '欧阳娜娜',
      email: 'ouyang.nana@example.cn',
      phone: '+86 139 1234 5678',
      address: { country: 'CN' },
    });
    const ids = async (q: string) =>
      (await admin.get<Listed<Contact>>(`/api/contacts?q=${encodeURIComponent(q)}`)).body.items.map((c) => c.id);
    expect(await ids('欧阳')).toContain(contact.id);
    expect(await ids('ouyang.na')).toEqual([]); // no '@': a name search
    expect(await ids('ouyang.nana@')).toContain(contact.id);
    expect(await ids('+86 139 1234')).toContain(contact.id);
  });

  it('filters by tag, lifecycle stage and tier', async () => {
    const tagged = await create(admin, { tags: ['filter-me'], lifecycleStage: 'customer', tier: 'platinum' });
    await create(admin, { tags: ['other'], lifecycleStage: 'customer', tier: 'platinum' });
    const byTag = await admin.get<Listed<Contact>>('/api/contacts?tag=filter-me');
    expect(byTag.body.items.map((c) => c.id)).toEqual([tagged.id]);
    const byAll = await admin.get<Listed<Contact>>('/api/contacts?tag=filter-me&lifecycleStage=customer&tier=platinum');
    expect(byAll.body.items.map((c) => c.id)).toEqual([tagged.id]);
    const none = await admin.get<Listed<Contact>>('/api/contacts?tag=filter-me&tier=bronze');
    expect(none.body.items).toEqual([]);
  });

  it('pages through a list with an opaque cursor, without repeats', async () => {
    for (let i = 0; i < 5; i++) await create(admin, { tags: ['paging'] });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/contacts?tag=paging&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = await admin.get<Listed<Contact>>(path);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(seen.length).toBe(5);
    expect(new Set(seen).size).toBe(5);
  });

  it('sorts by name ascending when asked', async () => {
    const page = await admin.get<Listed<Contact>>('/api/contacts?sort=name&limit=50');
    const names = page.body.items.map((c) => c.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});

describe('ownership', () => {
  it("lets a sales rep list and read only the contacts they own; another rep's answers 404", async () => {
    const mine = await create(sales1, { tags: ['owned-by-1'] });
    const theirs = await create(sales2, { tags: ['owned-by-2'] });
    expect(mine.ownerId).not.toBe(theirs.ownerId);
    const list = await sales1.get<Listed<Contact>>('/api/contacts?limit=200');
    const owners = new Set(list.body.items.map((c) => c.ownerId));
    expect([...owners]).toEqual([mine.ownerId]);
    expect((await sales1.get(`/api/contacts/${theirs.id}`)).status).toBe(404);
    expect((await sales1.get(`/api/contacts/${theirs.id}/timeline`)).status).toBe(404);
    expect((await sales1.patch(`/api/contacts/${theirs.id}`, { title: 'x', version: 1 })).status).toBe(404);
    expect((await sales1.delete(`/api/contacts/${theirs.id}`)).status).toBe(404);
    const otherOwner = await sales1.get<Listed<Contact>>(`/api/contacts?ownerId=${theirs.ownerId}`);
    expect(otherOwner.body.items).toEqual([]);
    // Search honours ownership too.
    const search = await sales1.get<Listed<Contact>>(`/api/contacts?q=${encodeURIComponent(String(theirs.email))}`);
    expect(search.body.items).toEqual([]);
  });

  it('lets an admin see every owner and reassign; a sales rep cannot hand records to someone else', async () => {
    const contact = await create(sales1);
    expect((await admin.get(`/api/contacts/${contact.id}`)).status).toBe(200);
    const staff = await admin.get<{ items: { id: string; email: string }[] }>('/api/staff');
    const sales2Id = staff.body.items.find((u) => u.email === 'sales2@cirrus.local')!.id;
    const handOver = await sales1.patch<ErrorBody>(`/api/contacts/${contact.id}`, { ownerId: sales2Id, version: 1 });
    expect(handOver.status).toBe(403);
    const reassigned = await admin.patch<Contact>(`/api/contacts/${contact.id}`, { ownerId: sales2Id, version: 1 });
    expect(reassigned.status).toBe(200);
    expect((await sales2.get(`/api/contacts/${contact.id}`)).status).toBe(200);
    expect((await sales1.get(`/api/contacts/${contact.id}`)).status).toBe(404);
  });
});

describe('idempotent creates', () => {
  it('answers a retried create with the same key and body with the same response, creating one contact', async () => {
    const body = aContact({ tags: ['idem'] });
    const first = await admin.post<Contact>('/api/contacts', body, { 'idempotency-key': 'key-123456789' });
    const again = await admin.post<Contact>('/api/contacts', body, { 'idempotency-key': 'key-123456789' });
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect((await admin.get<Listed<Contact>>('/api/contacts?tag=idem')).body.items).toHaveLength(1);
  });

  it('refuses the same key with another body with 422', async () => {
    await admin.post('/api/contacts', aContact(), { 'idempotency-key': 'key-abcdefghi' });
    const other = await admin.post<ErrorBody>('/api/contacts', aContact(), { 'idempotency-key': 'key-abcdefghi' });
    expect(other.status).toBe(422);
    expect(other.body.error.code).toBe('request.idempotency_key_reused');
  });
});

describe('bad input changes nothing', () => {
  const cases: [string, unknown, number, string][] = [
    ['a wrong type', { name: 42 }, 400, 'name'],
    ['an unknown field', { name: 'A', favouriteColour: 'blue' }, 400, 'favouriteColour'],
    ['a bad e-mail', { name: 'A', email: 'not-an-email' }, 400, 'email'],
    ['a bad phone', { name: 'A', phone: '12' }, 400, 'phone'],
    ['a bad country', { name: 'A', address: { country: 'China' } }, 400, 'address.country'],
    ['an unknown address field', { name: 'A', address: { planet: 'Mars' } }, 400, 'address.planet'],
    ['a missing name', { email: 'a@b.co' }, 400, 'name'],
    ['an unknown owner', { name: 'A', ownerId: 'nobody' }, 400, 'ownerId'],
    ['an unknown company', { name: 'A', companyId: 'nope' }, 400, 'companyId'],
  ];

  it.each(cases)('rejects %s with a 4xx naming the field', async (_title, body, status, field) => {
    const before = (await admin.get<Listed<Contact>>('/api/contacts?limit=200')).body.items.length;
    const res = await admin.post<ErrorBody>('/api/contacts', body);
    expect(res.status).toBe(status);
    expect(res.body.error.fields).toHaveProperty([field]);
    expect(res.body.requestId).toBeTruthy();
    expect((await admin.get<Listed<Contact>>('/api/contacts?limit=200')).body.items.length).toBe(before);
  });

  it('rejects malformed JSON with 400', async () => {
    const res = await admin.post<ErrorBody>('/api/contacts', '{"name": ');
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('body');
  });

  it('rejects an oversized body with 413', async () => {
    const res = await admin.post<ErrorBody>('/api/contacts', aContact({ title: 'x'.repeat(200 * 1024) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('request.body_too_large');
  });

  it('rejects a malformed cursor and an out-of-range limit with 400', async () => {
    expect((await admin.get<ErrorBody>('/api/contacts?cursor=bm9wZQ')).body.error.fields).toHaveProperty('cursor');
    expect((await admin.get('/api/contacts?limit=201')).status).toBe(400);
    expect((await admin.get('/api/contacts?limit=0')).status).toBe(400);
    expect((await admin.get('/api/contacts?unknown=1')).status).toBe(400);
  });

  it("rejects a cursor from another rep's list", async () => {
    await create(sales2);
    await create(sales2);
    const page = await sales2.get<Listed<Contact>>('/api/contacts?limit=1');
    expect(page.body.nextCursor).toBeTruthy();
    const stolen = await sales1.get(`/api/contacts?limit=1&cursor=${encodeURIComponent(page.body.nextCursor!)}`);
    expect(stolen.status).toBe(400);
  });

  it('rejects a malformed id in the path with 400', async () => {
    expect((await admin.get('/api/contacts/not%20an%20id')).status).toBe(400);
  });

  it('answers an unknown contact with 404', async () => {
    expect((await admin.get('/api/contacts/00000000-0000-0000-0000-000000000000')).status).toBe(404);
  });
});

describe('cost', () => {
  it('never sends a Scan on any request path exercised above', () => {
    const usage = dbUsage();
    expect(usage.requests).toBeGreaterThan(50);
    expect(usage.byCommand.ScanCommand ?? 0).toBe(0);
  });
});
