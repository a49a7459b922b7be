import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { manifest } from '../../infra/manifest.js';
import { exportAuditLog } from '../../shared/app/audit/audit-export.js';
import { auditRecord, putAudit } from '../../shared/db/audit.js';
import { db, tableName } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/kit.js';
import { dbUsage, resetDbUsage } from '../../shared/db/metrics.js';
import type { AuditEntry } from '../../shared/domain/audit/audit.schema.js';
import { AppError } from '../../shared/domain/common/errors.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

type Rec = { id: string; version: number; name: string };
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let runtime: Runtime;
let admin: Api;
let sysadmin: Api;
let sales1: Api;

const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;
const ADMIN_ID = idOf('admin@cirrus.local');
const SALES1_ID = idOf('sales1@cirrus.local');

/** What the fixtures below did, in order, so each test can name the entries it expects. */
let edited: Rec;
let salesContact: Rec;
let company: Rec;

async function created(api: Api, path: string, body: Record<string, unknown>): Promise<Rec> {
  const res = await api.post<Rec>(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** Every page of a query, following the cursor, with the page sizes seen. */
async function allPages(api: Api, query: string): Promise<{ items: AuditEntry[]; pages: number }> {
  const items: AuditEntry[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const sep = query ? '&' : '';
    const path: string = `/api/audit?${query}${sep}limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res = await api.get<Listed<AuditEntry>>(path);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages += 1;
  } while (cursor && pages < 50);
  return { items, pages };
}

async function list(api: Api, query = ''): Promise<AuditEntry[]> {
  const res = await api.get<Listed<AuditEntry>>(`/api/audit?${query}&limit=200`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items;
}

/** GET /api/audit/export as a browser downloads it: the body is CSV, not JSON. */
async function exportCsv(email: string | null, query = '') {
  const headers: Record<string, string> = email ? { authorization: `Bearer ${await runtime.token(email)}` } : {};
  const res = await fetch(`${runtime.baseUrl}/api/audit/export?${query}`, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  // Response.text() would drop the byte-order mark that Excel needs; read the bytes.
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8').replace(/^\uFEFF/, '') };
}

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  sysadmin = apiAs(runtime, 'sysadmin@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');

  edited = await created(admin, '/api/contacts', aContact({ title: 'CTO' }));
  await admin.patch(`/api/contacts/${edited.id}`, { title: 'CEO', version: 1 });
  salesContact = await created(sales1, '/api/contacts', aContact());
  company = await created(admin, '/api/companies', aCompany());
  expect((await admin.delete(`/api/companies/${company.id}`)).status).toBe(200);
  const field = await admin.post('/api/custom-fields', {
    entity: 'contact',
    key: 'nickname',
    label: 'Nickname',
    type: 'text',
  });
  expect(field.status).toBe(201);
});

afterAll(async () => {
  await runtime?.stop();
});

describe('the audit log: who may read it', () => {
  it.each(['admin', 'sysadmin'])('lets %s read the audit log and export it', async (role) => {
    expect((await apiAs(runtime, `${role}@cirrus.local`).get('/api/audit')).status).toBe(200);
    expect((await exportCsv(`${role}@cirrus.local`)).status).toBe(200);
  });

  it.each(['manager', 'sales1', 'sales2', 'support', 'marketing', 'finance'])(
    'answers %s with 403 on the list and the export',
    async (user) => {
      const res = await apiAs(runtime, `${user}@cirrus.local`).get<ErrorBody>('/api/audit');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
      expect((await exportCsv(`${user}@cirrus.local`)).status).toBe(403);
    },
  );

  it('answers an anonymous caller with 401', async () => {
    expect((await apiAs(runtime, null).get('/api/audit')).status).toBe(401);
    expect((await exportCsv(null)).status).toBe(401);
  });
});

describe('the audit log: listing and filters', () => {
  it('lists every change newest first, with actor, record and field diffs, and no storage keys', async () => {
    const items = await list(admin);

    expect(items.map((e) => e.at)).toEqual([...items.map((e) => e.at)].sort().reverse());
    const update = items.find((e) => e.entityId === edited.id && e.action === 'updated');
    expect(update).toEqual({
      id: expect.any(String),
      at: expect.any(String),
      actor: { id: ADMIN_ID, name: 'Avery Chen' },
      entity: 'contact',
      entityId: edited.id,
      entityName: edited.name,
      action: 'updated',
      changes: [{ field: 'title', before: 'CTO', after: 'CEO' }],
    });
  });

  it('shows sysadmins the same log as admins', async () => {
    expect((await list(sysadmin)).map((e) => e.id)).toEqual((await list(admin)).map((e) => e.id));
  });

  it("filters by actor: a sales rep's changes only", async () => {
    const items = await list(sysadmin, `actorId=${SALES1_ID}`);

    expect(items.map((e) => [e.entityId, e.action])).toEqual([[salesContact.id, 'created']]);
  });

  it.each([
    ['company', () => [company.id]],
    ['customField', () => ['contact.nickname']],
  ])('filters by entity type: %s', async (entity, ids) => {
    const items = await list(sysadmin, `entity=${entity}`);

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((e) => e.entity === entity)).toBe(true);
    expect([...new Set(items.map((e) => e.entityId))]).toEqual(ids());
  });

  it('filters by record: the whole history of one contact', async () => {
    const items = await list(sysadmin, `entity=contact&entityId=${edited.id}`);

    expect(items.map((e) => e.action)).toEqual(['updated', 'created']);
  });

  it('filters by action', async () => {
    const items = await list(sysadmin, 'action=deleted');

    expect(items.map((e) => [e.entity, e.entityId])).toEqual([['company', company.id]]);
  });

  it('combines actor, entity and action', async () => {
    expect(await list(sysadmin, `actorId=${ADMIN_ID}&entity=contact&action=updated`)).toHaveLength(1);
    expect(await list(sysadmin, `actorId=${SALES1_ID}&entity=company`)).toEqual([]);
    expect(await list(sysadmin, `entity=contact&entityId=${edited.id}&actorId=${SALES1_ID}`)).toEqual([]);
  });

  it('filters by time range, both ends inclusive', async () => {
    const all = await list(sysadmin);
    const [newest, middle, oldest] = [all[0]!, all[Math.floor(all.length / 2)]!, all[all.length - 1]!];

    const upToMiddle = await list(sysadmin, `to=${encodeURIComponent(middle.at)}`);
    const fromMiddle = await list(sysadmin, `from=${encodeURIComponent(middle.at)}`);
    const exact = await list(sysadmin, `from=${encodeURIComponent(oldest.at)}&to=${encodeURIComponent(newest.at)}`);

    expect(upToMiddle.every((e) => e.at <= middle.at)).toBe(true);
    expect(upToMiddle.map((e) => e.id)).toContain(middle.id);
    expect(fromMiddle.every((e) => e.at >= middle.at)).toBe(true);
    expect(fromMiddle.map((e) => e.id)).toContain(middle.id);
    expect(exact.map((e) => e.id)).toEqual(all.map((e) => e.id));
  });

  it('reads bare dates as whole days and a later range as nothing', async () => {
    const all = await list(sysadmin);
    const [firstDay, lastDay] = [all.at(-1)!.at.slice(0, 10), all[0]!.at.slice(0, 10)];

    expect((await list(sysadmin, `from=${firstDay}&to=${lastDay}`)).length).toBe(all.length);
    expect(await list(sysadmin, 'from=2999-01-01')).toEqual([]);
  });

  it('filters one record within a time range', async () => {
    const [update] = await list(sysadmin, `entity=contact&entityId=${edited.id}&action=updated`);
    const items = await list(sysadmin, `entity=contact&entityId=${edited.id}&from=${encodeURIComponent(update!.at)}`);

    expect(items.map((e) => e.id)).toEqual([update!.id]);
  });

  it.each([
    ['everything', ''],
    ['an entity type', 'entity=contact'],
    ['an actor', `actorId=${ADMIN_ID}`],
    ['an action (a filtered read)', 'action=created'],
    ['a time range', `from=${encodeURIComponent('2000-01-01T00:00:00Z')}`],
  ])('pages through %s by cursor without repeats or gaps', async (_what, query) => {
    const { items, pages } = await allPages(sysadmin, query);
    const unpaged = await list(sysadmin, query);

    expect(pages).toBeGreaterThan(1);
    expect(new Set(items.map((e) => e.id)).size).toBe(items.length);
    expect(items.map((e) => e.id)).toEqual(unpaged.map((e) => e.id));
  });

  it('serves a filtered page in at most two DynamoDB requests, without a Scan', async () => {
    await runtime.drain();
    resetDbUsage();
    await sysadmin.get(`/api/audit?actorId=${ADMIN_ID}&action=updated&from=2000-01-01&limit=20`);

    expect(dbUsage().requests).toBeLessThanOrEqual(2);
    expect(dbUsage().byCommand.ScanCommand ?? 0).toBe(0);
  });
});

describe('the audit log: bad filters', () => {
  it.each([
    ['entity=invoice', 'entity'],
    ['entityId=abc', 'entityId'],
    ['action=hacked', 'action'],
    ['actorId=a%2Fb', 'actorId'],
    ['from=yesterday', 'from'],
    ['to=2026-02-30', 'to'],
    ['from=2026-03-02&to=2026-03-01', 'to'],
    ['limit=0', 'limit'],
    ['owner=me', 'owner'],
    ['cursor=not-a-cursor', 'cursor'],
  ])('answers %s with 400 naming the field', async (query, field) => {
    const res = await sysadmin.get<ErrorBody>(`/api/audit?${query}`);

    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields ?? {})).toEqual([field]);
  });

  it('refuses a cursor taken from another time range with 400, not a DynamoDB error', async () => {
    const first = await sysadmin.get<Listed<AuditEntry>>('/api/audit?limit=1');
    const cursor = encodeURIComponent(first.body.nextCursor!);
    const res = await sysadmin.get<ErrorBody>(`/api/audit?limit=1&to=2001-01-01&cursor=${cursor}`);

    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('cursor');
  });

  it('answers bad export filters with 400 naming the field', async () => {
    const res = await exportCsv('sysadmin@cirrus.local', 'entityId=abc');

    expect(res.status).toBe(400);
    expect((JSON.parse(res.text) as ErrorBody).error.fields).toHaveProperty('entityId');
  });
});

describe('the audit log: CSV export', () => {
  it('downloads the filtered log as UTF-8 CSV, with a header and one row per changed field', async () => {
    const res = await exportCsv('sysadmin@cirrus.local', `entity=contact&entityId=${edited.id}&action=updated`);

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="cirrus-audit-log-\d{8}T\d{6}Z\.csv"$/,
    );
    expect(res.headers.get('x-export-rows')).toBe('1');
    expect(res.headers.get('x-export-truncated')).toBe('false');
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM, so Excel reads 张伟 right
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe('Time (UTC),Actor ID,Actor,Entity,Record ID,Record,Action,Field,Before,After');
    expect(lines[1]).toMatch(
      new RegExp(`^[^,]+Z,${ADMIN_ID},Avery Chen,contact,${edited.id},${edited.name},updated,title,CTO,CEO$`),
    );
    expect(lines.slice(2)).toEqual(['']);
  });

  it('neutralises a formula typed into a contact name', async () => {
    const evil = await created(admin, '/api/contacts', aContact({ name: '=HYPERLINK("x")', title: '@SUM(A1)' }));

    const res = await exportCsv('sysadmin@cirrus.local', `entity=contact&entityId=${evil.id}`);

    const rows = res.text.split('\r\n').slice(1, -1);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toContain(`,"'=HYPERLINK(""x"")",created,`);
    expect(rows.find((row) => row.includes(',title,'))).toMatch(/,title,,'@SUM\(A1\)$/);
    expect(res.text).not.toMatch(/(^|,)=HYPERLINK/m);
  });

  it('exports newest first, like the list', async () => {
    const res = await exportCsv('sysadmin@cirrus.local', `entity=contact&entityId=${edited.id}`);
    const actions = res.text
      .split('\r\n')
      .slice(1, -1)
      .map((row) => row.split(',')[6]);

    expect(actions[0]).toBe('updated');
    expect(actions.at(-1)).toBe('created');
  });

  it('stops at its row bound and says the export was cut short', async () => {
    const out = await exportAuditLog({}, new Date(), { rows: 3, bytes: 5_000_000, pages: 20, pageSize: 500 });

    expect(out.rows).toBe(3);
    expect(out.truncated).toBe(true);
    expect(out.csv.split('\r\n')).toHaveLength(1 + 3 + 1);
  });

  it('stops at its byte bound too', async () => {
    const out = await exportAuditLog({}, new Date(), { rows: 5000, bytes: 400, pages: 20, pageSize: 500 });

    expect(out.truncated).toBe(true);
    expect(Buffer.byteLength(out.csv)).toBeLessThanOrEqual(400 + 3);
  });

  it('stops at its page bound, reading no more than it may', async () => {
    await runtime.drain();
    resetDbUsage();
    const out = await exportAuditLog({}, new Date(), { rows: 5000, bytes: 5_000_000, pages: 2, pageSize: 1 });

    expect(out.truncated).toBe(true);
    expect(dbUsage().requests).toBeLessThanOrEqual(2 * 2);
  });

  it('is not cut short when everything fits', async () => {
    const out = await exportAuditLog({ entity: 'company' });

    expect(out.truncated).toBe(false);
    expect(out.rows).toBeGreaterThan(0);
  });
});

describe('audit records are immutable', () => {
  it('offers no route that changes an audit record', () => {
    const auditRoutes = manifest.routes.filter((r) => r.path.startsWith('/api/audit'));

    expect(auditRoutes.map((r) => r.method)).toEqual(['GET', 'GET']);
    expect(manifest.functions.audit.grants.table).toBe('read');
  });

  it('refuses a second write with the same key, keeping the first', async () => {
    const [original] = await list(sysadmin, `entity=contact&entityId=${edited.id}&action=updated`);
    const key = keys.audit('contact', edited.id, original!.at, original!.id);
    const forged = {
      ...auditRecord({
        kind: 'contact',
        entityId: edited.id,
        entityName: edited.name,
        action: 'updated',
        actor: { userId: 'mallory', name: 'Mallory' },
        changes: [{ field: 'title', before: 'CTO', after: 'Nothing happened' }],
        at: original!.at,
      }),
      ...key,
      id: original!.id,
    };

    const write = transactWrite([putAudit(forged)], () => new AppError('conflict', 'audit.exists', 'exists'));

    await expect(write).rejects.toMatchObject({ code: 'audit.exists' });
    const stored = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
    expect(stored.Item).toMatchObject({ actor: { name: 'Avery Chen' }, changes: original!.changes });
    const [after] = await list(sysadmin, `entity=contact&entityId=${edited.id}&action=updated`);
    expect(after).toEqual(original);
  });

  it('writes a fresh audit record once and refuses the same record a second time', async () => {
    const record = auditRecord({
      kind: 'customField',
      entityId: 'contact.nickname',
      entityName: 'Nickname',
      action: 'updated',
      actor: { userId: ADMIN_ID, name: 'Avery Chen' },
      changes: [{ field: 'label', before: 'Nick', after: 'Nickname' }],
      at: new Date().toISOString(),
    });
    const refuse = () => new AppError('conflict', 'audit.exists', 'exists');

    await transactWrite([putAudit(record)], refuse);

    await expect(transactWrite([putAudit(record)], refuse)).rejects.toBeInstanceOf(AppError);
  });
});
