import {
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler, PAGE_SIZE } from '../../functions/jobs/company-name-sync.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { db } from '../../shared/db/client.js';
import { auditSource, keys } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import { aCompany, aContact } from '../support/fixtures.js';
import { type Api, apiAs, startTestRuntime } from '../support/runtime.js';

/**
 * A company's new name reaches its contacts' companyName through the company.updated consumer:
 * every page of the company's contacts, each contact once, on its version.
 */
type Rec = { id: string; name: string; version: number; companyName?: string; updatedAt: string };

let runtime: Runtime;
let admin: Api;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

async function companyWithContacts(count: number): Promise<{ company: Rec; contacts: Rec[] }> {
  const company = (await admin.post<Rec>('/api/companies', aCompany())).body;
  const contacts: Rec[] = [];
  for (let i = 0; i < count; i++) {
    const res = await admin.post<Rec>('/api/contacts', aContact({ companyId: company.id }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    contacts.push(res.body);
  }
  return { company, contacts };
}

const rename = async (company: Rec, name: string) => {
  const current = (await admin.get<Rec>(`/api/companies/${company.id}`)).body;
  const res = await admin.patch<Rec>(`/api/companies/${company.id}`, { name, version: current.version });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  await runtime.drain();
};

const contactNow = async (id: string) => (await admin.get<Rec>(`/api/contacts/${id}`)).body;
/** The contact's `updated` audit records that changed companyName (its `created` one names the company too). */
const companyAudits = async (id: string) =>
  (
    await queryPage<{ action: string; changes: { field: string }[] }>(auditSource('contact', id), {
      limit: 20,
      forward: false,
    })
  ).items.filter((a) => a.action === 'updated' && a.changes.some((c) => c.field === 'companyName'));

const renameEvent = (companyId: string) => ({
  'detail-type': 'company.updated',
  detail: {
    id: 'audit-redelivered',
    entity: 'company',
    entityId: companyId,
    entityName: 'x',
    action: 'updated',
    actor: { id: 'someone', name: 'Someone' },
    changes: [{ field: 'name', before: 'a', after: 'b' }],
    at: new Date().toISOString(),
  },
});

describe('company rename → contacts companyName', () => {
  it('copies the new name to every contact, over more than one page, with an audit record each', async () => {
    const { company, contacts } = await companyWithContacts(PAGE_SIZE + 3);
    await rename(company, '华云科技 Renamed');
    for (const c of [contacts[0]!, contacts[PAGE_SIZE]!, contacts.at(-1)!]) {
      const now = await contactNow(c.id);
      expect(now).toMatchObject({ companyName: '华云科技 Renamed', version: c.version + 1, updatedAt: c.updatedAt });
      expect(await companyAudits(c.id)).toHaveLength(1);
    }
    expect(runtime.status().bus.deadLetters).toEqual([]);
  }, 120_000);

  it('is idempotent: a redelivered event changes nothing', async () => {
    const { company, contacts } = await companyWithContacts(2);
    await rename(company, 'Contoso Once');
    const before = await contactNow(contacts[0]!.id);
    expect(await handler(renameEvent(company.id))).toEqual({ updated: 0 });
    expect(await contactNow(contacts[0]!.id)).toEqual(before);
    expect(await companyAudits(contacts[0]!.id)).toHaveLength(1);
  });

  it('ignores a company update that leaves the name alone', async () => {
    const { company, contacts } = await companyWithContacts(1);
    const current = (await admin.get<Rec>(`/api/companies/${company.id}`)).body;
    await admin.patch(`/api/companies/${company.id}`, { tier: 'gold', version: current.version });
    await runtime.drain();
    expect(await contactNow(contacts[0]!.id)).toMatchObject({ version: contacts[0]!.version });
  });

  it('retries a contact edited meanwhile (version conflict) and updates it once', async () => {
    const { company, contacts } = await companyWithContacts(2);
    // The new name, written straight to the table so that only the consumer below runs.
    await db().send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: keys.record('company', company.id),
        UpdateExpression: 'SET #n = :n',
        ExpressionAttributeNames: { '#n': 'name' },
        ExpressionAttributeValues: { ':n': 'Fabrikam Raced' },
      }),
    );
    // Let earlier events settle: background consumers write through the same client.
    await runtime.drain();
    const client = db();
    const realSend = client.send.bind(client) as (command: unknown) => Promise<unknown>;
    const mock = mockClient(client);
    for (const Command of [GetCommand, QueryCommand, UpdateCommand]) {
      const Make = Command as unknown as new (input: object) => unknown;
      mock.on(Command as never).callsFake((input: object) => realSend(new Make(input)));
    }
    let writes = 0;
    const ours = contacts.map((c) => keys.record('contact', c.id).pk);
    mock.on(TransactWriteCommand).callsFake(async (input: TransactWriteCommandInput) => {
      const key = input.TransactItems?.[0]?.Update?.Key;
      if (!key || !ours.includes(String(key.pk))) return realSend(new TransactWriteCommand(input));
      writes += 1;
      if (writes === 1) {
        // Someone saves the first contact just before the consumer's write lands.
        await realSend(
          new UpdateCommand({
            TableName: runtime.tableName,
            Key: key,
            UpdateExpression: 'SET #v = #v + :one, title = :t',
            ExpressionAttributeNames: { '#v': 'version' },
            ExpressionAttributeValues: { ':one': 1, ':t': 'Edited meanwhile' },
          }),
        );
      }
      return realSend(new TransactWriteCommand(input));
    });
    try {
      expect(await handler(renameEvent(company.id))).toEqual({ updated: 2 });
    } finally {
      mock.restore();
    }
    for (const c of contacts) {
      const now = await contactNow(c.id);
      expect(now.companyName).toBe('Fabrikam Raced');
      expect(await companyAudits(c.id)).toHaveLength(1);
    }
    // The contact saved meanwhile (the first the consumer reached) kept that edit and got the name too.
    const now = await Promise.all(contacts.map((c) => contactNow(c.id)));
    const edited = now.filter((c) => (c as Rec & { title?: string }).title === 'Edited meanwhile');
    expect(edited).toHaveLength(1);
    const original = contacts.find((c) => c.id === edited[0]!.id)!;
    expect(edited[0]!.version).toBe(original.version + 2);
  });
});
