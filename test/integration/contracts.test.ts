import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type DynamoDBDocumentClient,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { db } from '../../shared/db/client.js';
import { getContract } from '../../shared/db/contracts.repository.js';
import { getDeal } from '../../shared/db/deals.repository.js';
import { daysBefore } from '../../shared/domain/notifications/reminder-times.js';
import { aCompany } from '../support/fixtures.js';
import { type Api, apiAs, startTestRuntime } from '../support/runtime.js';

type Rec = Record<string, unknown> & { id: string; version: number };
type Contract = Rec & { status: string; outstanding: number; overdue: number; paid: number; number: string };
type Mail = { destination: { to: string[] }; subject: string; body: { html?: string; text?: string } };
type Notes = { items: { id: string; kind: string; entityId: string; readAt?: string; link: string }[]; unread: number };

let runtime: Runtime;
let admin: Api;
let sales1: Api;
let sales2: Api;
let finance: Api;
let companyId: string;

const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);
const inDays = (n: number) => daysBefore(today(), -n);
/** The instant a day reminder of a contract ending `endDate` fires in UTC (09:00), plus an hour. */
const firingOf = (endDate: string, days: number) => new Date(`${daysBefore(endDate, days)}T10:00:00.000Z`);

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  sales1 = apiAs(runtime, 'sales1@cirrus.local');
  sales2 = apiAs(runtime, 'sales2@cirrus.local');
  finance = apiAs(runtime, 'finance@cirrus.local');
  companyId = (await admin.post<Rec>('/api/companies', aCompany())).body.id;
});
afterAll(async () => {
  await runtime?.stop();
});

async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`${runtime.mailboxUrl}store`);
  return ((await res.json()) as { emails: Mail[] }).emails;
}

function aContract(overrides: Record<string, unknown> = {}) {
  return {
    title: `Support plan ${Math.random().toString(36).slice(2, 8)}`,
    companyId,
    startDate: inDays(-300),
    endDate: inDays(20),
    value: 1_200_000,
    currency: 'CNY',
    paymentTerms: 'Net 30',
    ...overrides,
  };
}

async function sweep(at: Date): Promise<{ fired: number; skipped: number; failed: number }> {
  const result = (await runtime.fireSchedule('reminder-sweep', at)) as {
    fired: number;
    skipped: number;
    failed: number;
  };
  await runtime.drain();
  await runtime.drain();
  return result;
}

describe('contracts', () => {
  it('creates a contract with a unique number, owned by its creator, and reads it back with figures', async () => {
    const a = await sales1.post<Contract>('/api/contracts', aContract());
    const b = await sales1.post<Contract>('/api/contracts', aContract());
    expect(a.status).toBe(201);
    expect(a.body.number).toMatch(/^CT-\d{6}$/);
    expect(b.body.number).not.toBe(a.body.number);
    expect(a.body.status).toBe('expiring');
    expect(a.body.outstanding).toBe(1_200_000);
    const read = await sales1.get<Contract>(`/api/contracts/${a.body.id}`);
    expect(read.body).toMatchObject({ id: a.body.id, attachments: [] });
  });

  it('rejects an end before the start and a schedule that does not add up, naming the fields', async () => {
    const res = await sales1.post<{ error: { fields: Record<string, string> } }>(
      '/api/contracts',
      aContract({ startDate: inDays(10), endDate: inDays(5), schedule: [{ dueDate: inDays(1), amount: 5 }] }),
    );
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields).sort()).toEqual(['endDate', 'schedule']);
  });

  it("answers 404 for another rep's contract, and lists only one's own", async () => {
    const mine = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    expect((await sales2.get(`/api/contracts/${mine.id}`)).status).toBe(404);
    expect((await sales2.patch(`/api/contracts/${mine.id}`, { title: 'x', version: 1 })).status).toBe(404);
    const list = await sales2.get<{ items: Contract[] }>('/api/contracts');
    expect(list.body.items.some((c) => c.id === mine.id)).toBe(false);
    expect((await finance.get(`/api/contracts/${mine.id}`)).status).toBe(200);
  });

  it('lists contracts expiring soon through the end-date index, soonest first', async () => {
    const soon = (await sales1.post<Contract>('/api/contracts', aContract({ endDate: inDays(3) }))).body;
    const later = (await sales1.post<Contract>('/api/contracts', aContract({ endDate: inDays(90) }))).body;
    const list = await sales1.get<{ items: Contract[] }>('/api/contracts?endingWithinDays=30&limit=50');
    const ids = list.body.items.map((c) => c.id);
    expect(ids).toContain(soon.id);
    expect(ids).not.toContain(later.id);
    const ends = list.body.items.map((c) => String(c.endDate));
    expect([...ends].sort()).toEqual(ends);
  });
});

describe('expiry reminders', () => {
  it('e-mails the owner once and notifies them in-app, however often the sweep runs', async () => {
    const endDate = inDays(12);
    const contract = (await sales1.post<Contract>('/api/contracts', aContract({ endDate, reminderOffsets: ['7d'] })))
      .body;
    const before = (await mailbox()).length;
    const at = firingOf(endDate, 7);

    const first = await sweep(at);
    const second = await sweep(at);
    const later = await sweep(new Date(at.getTime() + DAY));

    expect(first.fired).toBeGreaterThanOrEqual(1);
    expect(second.fired).toBe(0);
    expect(later.fired).toBe(0);
    const mails = (await mailbox()).slice(before).filter((m) => m.subject.includes(String(contract.number)));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.destination.to).toEqual(['sales1@cirrus.local']);
    expect(mails[0]!.body.html).toContain(`/app/contracts/${contract.id}`);
    const notes = (await sales1.get<Notes>('/api/notifications')).body;
    expect(notes.items.filter((n) => n.entityId === contract.id && n.kind === 'contract.expiring')).toHaveLength(1);
    expect(runtime.status().bus.deadLetters).toEqual([]);
  });

  it('replaces the reminders when the end date moves: the old due time fires nothing', async () => {
    const endDate = inDays(15);
    const c = (await sales1.post<Contract>('/api/contracts', aContract({ endDate, reminderOffsets: ['7d'] }))).body;
    await sales1.patch(`/api/contracts/${c.id}`, { endDate: inDays(60), version: c.version });
    const before = (await mailbox()).length;
    await sweep(firingOf(endDate, 7));
    expect((await mailbox()).slice(before).filter((m) => m.subject.includes(String(c.number)))).toHaveLength(0);
    await sweep(firingOf(inDays(60), 7));
    expect((await mailbox()).slice(before).filter((m) => m.subject.includes(String(c.number)))).toHaveLength(1);
  });

  it('loses nothing when the write is throttled: the reminder stays due and fires on the next run', async () => {
    const endDate = inDays(25);
    const c = (await sales1.post<Contract>('/api/contracts', aContract({ endDate, reminderOffsets: ['7d'] }))).body;
    const at = firingOf(endDate, 7);
    // Throttle every transaction; reads still reach DynamoDB Local.
    const client = db();
    const realSend = client.send.bind(client) as DynamoDBDocumentClient['send'];
    const stub = mockClient(client);
    stub.onAnyCommand().callsFake((input: object) => {
      throw new Error(`unexpected command ${JSON.stringify(Object.keys(input))}`);
    });
    stub.on(QueryCommand).callsFake((input: QueryCommandInput) => realSend(new QueryCommand(input)));
    stub.on(TransactWriteCommand).rejects(Object.assign(new Error('throttled'), { name: 'ThrottlingException' }));
    let throttledRun: { fired: number; failed: number };
    try {
      throttledRun = (await runtime.fireSchedule('reminder-sweep', at)) as { fired: number; failed: number };
    } finally {
      stub.restore();
    }
    expect(throttledRun.failed).toBeGreaterThanOrEqual(1);
    const before = (await mailbox()).length;
    const retry = await sweep(at);
    expect(retry.fired).toBeGreaterThanOrEqual(1);
    expect((await mailbox()).slice(before).filter((m) => m.subject.includes(String(c.number)))).toHaveLength(1);
  });

  it('creates the in-app notification but sends no e-mail when the owner turned that e-mail off', async () => {
    const off = await sales2.put('/api/me/notification-preferences', { email: { 'contract.expiring': false } });
    expect(off.status).toBe(200);
    expect((off.body as { email: Record<string, boolean> }).email['contract.expiring']).toBe(false);
    const endDate = inDays(30);
    const c = (await sales2.post<Contract>('/api/contracts', aContract({ endDate, reminderOffsets: ['7d'] }))).body;
    const before = (await mailbox()).length;
    await sweep(firingOf(endDate, 7));
    expect((await mailbox()).slice(before).filter((m) => m.subject.includes(String(c.number)))).toHaveLength(0);
    const notes = (await sales2.get<Notes>('/api/notifications')).body;
    expect(notes.items.some((n) => n.entityId === c.id)).toBe(true);
  });
});

describe('notifications', () => {
  it('counts unread, marks one read, then all read, and never another user’s', async () => {
    const start = (await sales1.get<Notes>('/api/notifications')).body;
    expect(start.unread).toBeGreaterThanOrEqual(1);
    const first = start.items.find((n) => !n.readAt)!;
    expect((await sales2.post(`/api/notifications/${first.id}/read`)).status).toBe(404);
    const one = await sales1.post<{ unread: number }>(`/api/notifications/${first.id}/read`);
    expect(one.body.unread).toBe(start.unread - 1);
    const again = await sales1.post<{ unread: number }>(`/api/notifications/${first.id}/read`);
    expect(again.body.unread).toBe(start.unread - 1);
    const all = await sales1.post<{ unread: number }>('/api/notifications/read-all');
    expect(all.body.unread).toBe(0);
    const after = (await sales1.get<Notes>('/api/notifications')).body;
    expect(after.unread).toBe(0);
    expect(after.items.every((n) => n.readAt)).toBe(true);
  });
});

describe('attachments (local storage adapter)', () => {
  type Upload = {
    attachment: { id: string; status: string };
    upload: { url: string; headers: Record<string, string> };
  };
  type Detail = { attachments: { id: string; status: string }[] };

  async function requestUpload(contractId: string, bytes: Buffer, fileName = 'signed 合同.pdf') {
    const res = await sales1.post<Upload>(`/api/contracts/${contractId}/attachments`, {
      fileName,
      contentType: 'application/pdf',
      size: bytes.length,
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('uploads through a presigned URL, confirms, and downloads the same bytes', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const bytes = Buffer.from('%PDF-1.4 test contract');
    const { attachment, upload } = await requestUpload(c.id, bytes);
    expect(attachment.status).toBe('pending');
    const put = await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    expect(put.status).toBe(200);
    const confirmed = await sales1.post<{ status: string; confirmedAt: string }>(
      `/api/contracts/${c.id}/attachments/${attachment.id}/confirm`,
    );
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.status).toBe('available');
    const link = await sales1.get<{ download: { url: string } }>(`/api/contracts/${c.id}/attachments/${attachment.id}`);
    const got = await fetch(link.body.download.url);
    expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
    expect(got.headers.get('content-disposition')).toContain("filename*=UTF-8''signed%20");
    expect((await sales2.get(`/api/contracts/${c.id}/attachments/${attachment.id}`)).status).toBe(404);
    expect((await sales2.post(`/api/contracts/${c.id}/attachments/${attachment.id}/confirm`)).status).toBe(404);
    const detail = await sales1.get<Detail>(`/api/contracts/${c.id}`);
    expect(detail.body.attachments.map((a) => [a.id, a.status])).toEqual([[attachment.id, 'available']]);
  });

  it('keeps an attachment pending, unlisted and not downloadable until storage holds it', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const bytes = Buffer.from('%PDF-1.4 never sent');
    const { attachment } = await requestUpload(c.id, bytes, 'pending.pdf');
    expect((await sales1.get<Detail>(`/api/contracts/${c.id}`)).body.attachments).toEqual([]);
    expect((await sales1.get(`/api/contracts/${c.id}/attachments/${attachment.id}`)).status).toBe(404);
    const early = await sales1.post<{ error: { code: string } }>(
      `/api/contracts/${c.id}/attachments/${attachment.id}/confirm`,
    );
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('attachment.not_uploaded');
    expect((await sales1.get<Detail>(`/api/contracts/${c.id}`)).body.attachments).toEqual([]);
  });

  it('refuses to confirm an object whose size differs from the declared one', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const { attachment } = await requestUpload(c.id, Buffer.from('12345678'), 'declared.pdf');
    // The presigned PUT cannot store another size; an object changed behind it can exist anyway
    // (here written straight into the local bucket folder), and must not be confirmed.
    const file = join(process.env.LOCAL_STORAGE_DIR!, 'contracts', c.id, attachment.id);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '1234');
    writeFileSync(`${file}.type`, 'application/pdf');
    const res = await sales1.post<{ error: { code: string } }>(
      `/api/contracts/${c.id}/attachments/${attachment.id}/confirm`,
    );
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('attachment.size_mismatch');
    expect((await sales1.get(`/api/contracts/${c.id}/attachments/${attachment.id}`)).status).toBe(404);
  });

  it('confirms once: a second confirmation answers the same attachment and writes no second audit record', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const bytes = Buffer.from('%PDF-1.4 twice');
    const { attachment, upload } = await requestUpload(c.id, bytes, 'twice.pdf');
    await fetch(upload.url, { method: 'PUT', headers: upload.headers, body: bytes });
    const path = `/api/contracts/${c.id}/attachments/${attachment.id}/confirm`;
    const [a, b] = await Promise.all([sales1.post<{ status: string }>(path), sales1.post<{ status: string }>(path)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    const again = await sales1.post<{ status: string; confirmedAt: string }>(path);
    expect(again.body.status).toBe('available');
    const audit = await admin.get<{ items: { entityId: string; changes: { field: string }[] }[] }>(
      `/api/audit?entity=contract&entityId=${c.id}&limit=50`,
    );
    expect(audit.status).toBe(200);
    const attachmentChanges = audit.body.items.filter((r) => r.changes.some((ch) => ch.field === 'attachments'));
    expect(attachmentChanges).toHaveLength(1);
  });

  it('refuses a file over 10 MB (413, size) or of another type (400, contentType), and a tampered upload', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const big = await sales1.post<{ error: { fields: Record<string, string> } }>(`/api/contracts/${c.id}/attachments`, {
      fileName: 'huge.pdf',
      contentType: 'application/pdf',
      size: 10 * 1024 * 1024 + 1,
    });
    expect(big.status).toBe(413);
    expect(Object.keys(big.body.error.fields)).toEqual(['size']);
    const exe = await sales1.post<{ error: { fields: Record<string, string> } }>(`/api/contracts/${c.id}/attachments`, {
      fileName: 'run.exe',
      contentType: 'application/x-msdownload',
      size: 100,
    });
    expect(exe.status).toBe(400);
    expect(Object.keys(exe.body.error.fields)).toEqual(['contentType']);
    const ok = await sales1.post<{ upload: { url: string; headers: Record<string, string> } }>(
      `/api/contracts/${c.id}/attachments`,
      { fileName: 'a.png', contentType: 'image/png', size: 4 },
    );
    const wrongSize = await fetch(ok.body.upload.url, {
      method: 'PUT',
      headers: ok.body.upload.headers,
      body: 'toolong',
    });
    expect(wrongSize.status).toBe(400);
    const forged = await fetch(ok.body.upload.url.replace('size=4', 'size=7'), {
      method: 'PUT',
      headers: ok.body.upload.headers,
      body: 'toolong',
    });
    expect(forged.status).toBe(403);
  });
});

describe('payments and receivables', () => {
  it('keeps outstanding and overdue per contract and per company as finance records payments', async () => {
    const company = (await admin.post<Rec>('/api/companies', aCompany())).body.id;
    const c = (
      await sales1.post<Contract>(
        '/api/contracts',
        aContract({
          companyId: company,
          value: 300_00,
          currency: 'USD',
          schedule: [
            { dueDate: inDays(-40), amount: 100_00 },
            { dueDate: inDays(-10), amount: 100_00 },
            { dueDate: inDays(20), amount: 100_00 },
          ],
        }),
      )
    ).body;
    expect(c).toMatchObject({ outstanding: 300_00, overdue: 200_00 });
    expect(
      (await sales1.post(`/api/contracts/${c.id}/payments`, { date: today(), amount: 1, version: c.version })).status,
    ).toBe(403);
    const paid = await finance.post<Contract>(`/api/contracts/${c.id}/payments`, {
      date: today(),
      amount: 150_00,
      method: 'bank_transfer',
      version: c.version,
    });
    expect(paid.status).toBe(201);
    expect(paid.body).toMatchObject({ paid: 150_00, outstanding: 150_00, overdue: 50_00 });
    const over = await finance.post<{ error: { fields: Record<string, string> } }>(`/api/contracts/${c.id}/payments`, {
      date: today(),
      amount: 200_00,
      version: paid.body.version,
    });
    expect(over.status).toBe(400);
    expect(Object.keys(over.body.error.fields)).toEqual(['amount']);
    const stale = await finance.post(`/api/contracts/${c.id}/payments`, {
      date: today(),
      amount: 1,
      version: c.version,
    });
    expect(stale.status).toBe(409);
    const r = await finance.get<{ totals: { currency: string; outstanding: number; overdue: number; paid: number }[] }>(
      `/api/companies/${company}/receivables`,
    );
    expect(r.body.totals).toEqual([
      { currency: 'USD', contracted: 300_00, paid: 150_00, outstanding: 150_00, overdue: 50_00 },
    ]);
  });

  it('renews a contract into a new deal and terminates another', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const renewed = await sales1.post<Contract & { renewalDealId: string }>(`/api/contracts/${c.id}/renew`, {
      version: c.version,
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.status).toBe('renewed');
    const deal = await sales1.get<{ name: string; companyId: string; amount: number }>(
      `/api/deals/${renewed.body.renewalDealId}`,
    );
    expect(deal.body).toMatchObject({ companyId, amount: c.value });
    const t = (await sales1.post<Contract>('/api/contracts', aContract())).body;
    const terminated = await sales1.post<Contract>(`/api/contracts/${t.id}/terminate`, {
      version: t.version,
      reason: 'Closed',
    });
    expect(terminated.body.status).toBe('terminated');
    expect((await sales1.post(`/api/contracts/${t.id}/renew`, { version: terminated.body.version })).status).toBe(409);
  });
});

describe("money in the contract's own minor units (ISO 4217)", () => {
  it('keeps a ¥150,000 contract as 150000 yen, stored and on its renewal deal', async () => {
    const c = (await sales1.post<Contract>('/api/contracts', aContract({ value: 150_000, currency: 'JPY' }))).body;
    expect(c).toMatchObject({ value: 150_000, currency: 'JPY', outstanding: 150_000 });
    expect((await getContract(c.id))?.value).toBe(150_000);

    const renewed = await sales1.post<Contract & { renewalDealId: string }>(`/api/contracts/${c.id}/renew`, {
      version: c.version,
    });
    expect(renewed.status).toBe(200);
    const deal = await sales1.get<{ amount: number; currency: string; source: string }>(
      `/api/deals/${renewed.body.renewalDealId}`,
    );
    expect(deal.body).toMatchObject({ amount: 150_000, currency: 'JPY', source: 'renewal' });
    expect(await getDeal(renewed.body.renewalDealId)).toMatchObject({ amount: 150_000, currency: 'JPY' });
  });

  it('names amounts in field errors as money in the currency, not as raw minor units', async () => {
    const mismatched = await sales1.post<{ error: { fields: Record<string, string> } }>(
      '/api/contracts',
      aContract({ value: 150_000, currency: 'JPY', schedule: [{ dueDate: inDays(10), amount: 100_000 }] }),
    );
    expect(mismatched.status).toBe(400);
    expect(mismatched.body.error.fields.schedule).toBe(
      'Installments add up to ¥100,000; the contract value is ¥150,000',
    );

    const c = (await sales1.post<Contract>('/api/contracts', aContract({ value: 1_500, currency: 'KWD' }))).body;
    const over = await finance.post<{ error: { fields: Record<string, string> } }>(`/api/contracts/${c.id}/payments`, {
      date: today(),
      amount: 1_501,
      version: c.version,
    });
    expect(over.status).toBe(400);
    expect(over.body.error.fields.amount?.replace(/\u00a0/g, ' ')).toBe('More than the outstanding KWD 1.500');
  });
});

describe("a manager of several teams (reads each team's partition, merged)", () => {
  it("lists every team's contracts, newest first, paging through the merge without gaps or repeats", async () => {
    // The manager joins West too: East (sales1) and West (sales2) are both theirs now.
    const teams = await admin.get<{ items: { id: string; memberIds: string[]; version: number }[] }>('/api/teams');
    const west = teams.body.items.find((t) => t.id === 'team-west')!;
    const managerId = STAFF_USERS.find((u) => u.email === 'manager@cirrus.local')!.id;
    const joined = await admin.patch(`/api/teams/${west.id}`, {
      memberIds: [...west.memberIds, managerId],
      version: west.version,
    });
    expect(joined.status).toBe(200);
    const manager = apiAs(runtime, 'manager@cirrus.local');

    const east = [];
    const westContracts = [];
    for (let i = 0; i < 3; i++) {
      east.push((await sales1.post<Contract>('/api/contracts', aContract({ endDate: inDays(5 + i) }))).body);
      westContracts.push((await sales2.post<Contract>('/api/contracts', aContract({ endDate: inDays(6 + i) }))).body);
    }
    const mine = new Set([...east, ...westContracts].map((c) => c.id));

    const all = await manager.get<{ items: Contract[] }>('/api/contracts?limit=200');
    const listed = all.body.items.map((c) => c.id);
    for (const id of mine) expect(listed).toContain(id);
    expect(all.body.items.some((c) => c.teamId === 'team-east')).toBe(true);
    expect(all.body.items.some((c) => c.teamId === 'team-west')).toBe(true);
    const updated = all.body.items.map((c) => String(c.updatedAt));
    expect([...updated].sort().reverse()).toEqual(updated);

    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page = await manager.get<{ items: Contract[]; nextCursor: string | null }>(
        `/api/contracts?limit=2${query}`,
      );
      expect(page.status, JSON.stringify(page.body)).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...page.body.items.map((c) => c.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(listed);

    // Expiring soon, soonest first, from both teams' end-date partitions.
    const soon = await manager.get<{ items: Contract[] }>('/api/contracts?endingWithinDays=10&limit=200');
    const soonIds = soon.body.items.map((c) => c.id);
    for (const id of mine) expect(soonIds).toContain(id);
    const ends = soon.body.items.map((c) => String(c.endDate));
    expect([...ends].sort()).toEqual(ends);
  });

  it('refuses a cursor that does not fit the merged partitions', async () => {
    const manager = apiAs(runtime, 'manager@cirrus.local');
    const forged = Buffer.from(JSON.stringify({ m: ['x'] })).toString('base64url');
    const res = await manager.get<{ error: { fields: Record<string, string> } }>(`/api/contracts?cursor=${forged}`);
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.fields)).toEqual(['cursor']);
  });
});
