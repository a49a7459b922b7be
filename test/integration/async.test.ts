import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { auditSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import { aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

type Rec = Record<string, unknown> & { id: string; version: number; name: string };
type Mail = { destination: { to: string[] }; subject: string; body: { html?: string; text?: string } };

let runtime: Runtime;
let admin: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

async function mailbox(): Promise<Mail[]> {
  const res = await fetch(`${runtime.mailboxUrl}store`);
  return ((await res.json()) as { emails: Mail[] }).emails;
}

async function staffId(email: string): Promise<string> {
  const staff = await admin.get<{ items: { id: string; email: string }[] }>('/api/staff');
  return staff.body.items.find((u) => u.email === email)!.id;
}

describe('outbox → bus → rule: assignment e-mails', () => {
  it('e-mails the new owner once when an admin assigns a contact to them, through the local SES mailbox', async () => {
    const sales2 = await staffId('sales2@cirrus.local');
    const contact = (await admin.post<Rec>('/api/contacts', aContact({ name: 'Grace <Hopper>' }))).body;
    await runtime.drain();
    const before = (await mailbox()).length;

    await admin.patch(`/api/contacts/${contact.id}`, { ownerId: sales2, version: contact.version });
    await runtime.drain();
    await runtime.drain();

    const mails = (await mailbox()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.destination.to).toEqual(['sales2@cirrus.local']);
    expect(mails[0]!.subject).toContain('Grace <Hopper>');
    // The HTML body escapes what users typed.
    expect(mails[0]!.body.html).toContain('Grace &lt;Hopper&gt;');
    expect(mails[0]!.body.html).toContain(`/app/contacts/${contact.id}`);
    expect(runtime.status().bus.deadLetters).toEqual([]);
  });

  it('sends nothing when a rep creates a record they own themselves', async () => {
    const before = (await mailbox()).length;
    await apiAs(runtime, 'sales1@cirrus.local').post('/api/contacts', aContact());
    await runtime.drain();
    expect((await mailbox()).length).toBe(before);
  });
});

describe('schedule → queue → worker: purging the trash after 30 days', () => {
  it('purges a deleted record only once it is 30 days old, with a purged audit record, and a rerun is harmless', async () => {
    const contact = (await admin.post<Rec>('/api/contacts', aContact())).body;
    await admin.delete(`/api/contacts/${contact.id}`);
    const day = 86_400_000;

    const early = (await runtime.fireSchedule('purge-sweep', new Date(Date.now() + 29 * day))) as { queued: number };
    await runtime.drain();
    expect(early.queued).toBe(0);
    expect((await admin.get(`/api/contacts/${contact.id}`)).status).toBe(200);

    const due = (await runtime.fireSchedule('purge-sweep', new Date(Date.now() + 31 * day))) as { queued: number };
    await runtime.drain();
    expect(due.queued).toBeGreaterThanOrEqual(1);
    expect((await admin.get(`/api/contacts/${contact.id}`)).status).toBe(404);
    const audit = await queryPage<{ action: string; actor: { id: string } }>(auditSource('contact', contact.id), {
      limit: 10,
      forward: false,
    });
    expect(audit.items.map((a) => a.action)).toEqual(['purged', 'deleted', 'created']);
    expect(audit.items[0]!.actor.id).toBe('system');

    const rerun = (await runtime.fireSchedule('purge-sweep', new Date(Date.now() + 31 * day))) as { queued: number };
    await runtime.drain();
    expect(rerun.queued).toBe(0);
    const purge = runtime.status().queues.find((q) => q.id === 'purge')!;
    expect(purge.deadLetters).toEqual([]);
  });

  it('leaves a record alone that was restored before its time came', async () => {
    const contact = (await admin.post<Rec>('/api/contacts', aContact())).body;
    await admin.delete(`/api/contacts/${contact.id}`);
    await admin.post(`/api/contacts/${contact.id}/restore`);
    await runtime.fireSchedule('purge-sweep', new Date(Date.now() + 40 * 86_400_000));
    await runtime.drain();
    expect((await admin.get(`/api/contacts/${contact.id}`)).status).toBe(200);
    const trash = await admin.get<Listed<Rec>>('/api/contacts?view=deleted');
    expect(trash.body.items.map((c) => c.id)).not.toContain(contact.id);
  });
});
