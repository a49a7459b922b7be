import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { aDeal, aPipeline } from '../support/deal-fixtures.js';
import { aCompany, aContact } from '../support/fixtures.js';
import type { Api } from '../support/runtime.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/**
 * Idempotency-Key on every creating POST, generated from the manifest: each POST route is either
 * a create (a valid body below) or named with the reason it is not one, so a new create cannot be
 * added without this test proving that a retried request makes one record, not two.
 */
const env = setUpRuntime();
const { admin } = env;

const n = () => randomUUID().slice(0, 8);
let reassignments = 0;
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString().slice(0, 10);
const idOf = async (api: Api, path: string, body: Record<string, unknown>) => {
  const res = await api.post<{ id: string }>(path, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
};

/** A valid, fresh body for each creating POST (two calls give two different bodies). */
const CREATES: Record<string, () => Promise<Record<string, unknown>>> = {
  'POST /api/contacts': async () => aContact(),
  'POST /api/companies': async () => aCompany(),
  'POST /api/deals': async () => aDeal(),
  'POST /api/pipelines': async () => aPipeline(),
  'POST /api/products': async () => ({
    name: `Widget ${n()}`,
    sku: `SKU-${n()}`.toUpperCase(),
    unitPrice: 1250,
    currency: 'USD',
    taxRate: 1000,
  }),
  'POST /api/quotes': async () => ({
    dealId: await idOf(admin, '/api/deals', aDeal()),
    lines: [{ description: `Consulting ${n()}`, quantityMilli: 1000, unitPrice: 10_000, taxRate: 0 }],
  }),
  'POST /api/contracts': async () => ({
    title: `Support plan ${n()}`,
    companyId: await idOf(admin, '/api/companies', aCompany()),
    startDate: inDays(-10),
    endDate: inDays(200),
    value: 1_200_000,
    currency: 'CNY',
    paymentTerms: 'Net 30',
  }),
  'POST /api/tasks': async () => ({ title: `Call back ${n()}`, dueAt: new Date(Date.now() + 3_600_000).toISOString() }),
  'POST /api/activities': async () => ({
    kind: 'note',
    entity: 'contact',
    entityId: await idOf(admin, '/api/contacts', aContact()),
    subject: `Note ${n()}`,
  }),
  'POST /api/leads': async () => ({ name: `Lead ${n()}`, email: `lead.${n()}@example.com`, source: 'web' }),
  'POST /api/teams': async () => ({ name: `Team ${n()}`, memberIds: [] }),
  'POST /api/reassignments': async () => ({
    kind: (reassignments++ % 2 === 0 ? 'contact' : 'company') as string,
    fromOwnerId: staffId('sales2@cirrus.local'),
    toOwnerId: staffId('sales1@cirrus.local'),
  }),
  'POST /api/business-calendars': async () => ({
    name: `Office ${n()}`,
    timeZone: 'Asia/Shanghai',
    hours: [{ day: 'mon', from: '09:00', to: '18:00' }],
  }),
  'POST /api/sla-policies': async () => ({ name: `Policy ${n()}`, targets: { normal: { firstResponse: 240 } } }),
  'POST /api/users': async () => ({ email: `new.${n()}@cirrus.local`, name: `New Person ${n()}`, role: 'sales' }),
};

/** POST routes that create nothing a retry could duplicate, or not yet keyed, and why. */
const NOT_KEYED_CREATES: Record<string, string> = {
  'POST /api/contacts/{id}/restore': 'restores a record; a repeat finds it restored',
  'POST /api/companies/{id}/restore': 'restores a record; a repeat finds it restored',
  'POST /api/custom-fields': 'a field key is unique: a repeat is 409 field taken',
  'POST /api/lead-pool/{id}/claim': 'a conditional claim; a repeat answers the lead as already held',
  'POST /api/lead-pool/{id}/release': 'a conditional release',
  'POST /api/deals/{id}/stage': 'versioned: a repeat is a stale version',
  'POST /api/tasks/{id}/complete': 'completing twice changes nothing',
  'POST /api/quotes/{id}/status': 'versioned: a repeat is a stale version',
  'POST /api/quotes/{id}/send': 'versioned: a repeat is a stale version',
  'POST /api/contracts/{id}/renew': 'once per contract version',
  'POST /api/contracts/{id}/terminate': 'versioned: a repeat is a stale version',
  'POST /api/contracts/{id}/attachments': 'an unconfirmed upload slot; not listed until confirmed',
  'POST /api/contracts/{id}/attachments/{attachmentId}/confirm': 'confirming twice changes nothing',
  'POST /api/contracts/{id}/payments': 'versioned: a repeat is a stale version',
  'POST /api/notifications/{id}/read': 'marking read twice changes nothing',
  'POST /api/notifications/read-all': 'marking read twice changes nothing',
  'POST /api/me/mfa/totp': 'a new secret each time, by design (enrolment restarts)',
  'POST /api/me/mfa/totp/verify': 'verifying twice changes nothing',
};

/** How many items the table holds now (test-only: a Scan of the whole small test table). */
async function itemCount(): Promise<number> {
  const client = localDynamoClient(env.runtime.dynamoEndpoint);
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: env.runtime.tableName, Select: 'COUNT', ExclusiveStartKey: start as never }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

const postRoutes = manifest.routes.filter((r) => r.method === 'POST' && r.audience === 'staff').map(routeKey);

describe('Idempotency-Key on creates, from the manifest', () => {
  it('classifies every staff POST route as a keyed create or names why it is not one', () => {
    const unclassified = postRoutes.filter((key) => !(key in CREATES) && !(key in NOT_KEYED_CREATES));
    expect(unclassified).toEqual([]);
    expect(Object.keys(CREATES).filter((key) => !postRoutes.includes(key))).toEqual([]);
  });

  it.each(Object.keys(CREATES))('%s: a retry replays the first answer and writes nothing', async (key) => {
    const path = key.replace('POST ', '');
    const body = await CREATES[key]!();
    const headers = { 'idempotency-key': `test-${randomUUID()}` };

    const first = await admin.post<{ id: string }>(path, body, headers);
    // 201 Created, or 202 Accepted for a create that starts a background job.
    expect([201, 202], JSON.stringify(first.body)).toContain(first.status);
    await env.runtime.drain();
    const written = await itemCount();

    const retry = await admin.post<{ id: string }>(path, body, headers);
    await env.runtime.drain();

    expect(retry.status).toBe(first.status);
    expect(retry.body).toEqual(first.body);
    expect(await itemCount()).toBe(written);
  });

  it.each(Object.keys(CREATES))('%s: the same key with another body is a 422 and writes nothing', async (key) => {
    const path = key.replace('POST ', '');
    const headers = { 'idempotency-key': `test-${randomUUID()}` };
    const first = await admin.post(path, await CREATES[key]!(), headers);
    expect([201, 202], JSON.stringify(first.body)).toContain(first.status);
    const other = await CREATES[key]!();
    await env.runtime.drain();
    const written = await itemCount();

    const reused = await admin.post<{ error: { code: string; fields: Record<string, string> } }>(path, other, headers);
    await env.runtime.drain();

    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('request.idempotency_key_reused');
    expect(reused.body.error.fields).toHaveProperty('Idempotency-Key');
    expect(await itemCount()).toBe(written);
  });

  it('refuses a malformed key with 400 naming the header, and writes nothing', async () => {
    const before = await itemCount();
    const res = await admin.post<{ error: { fields: Record<string, string> } }>(
      '/api/teams',
      { name: 'x' },
      {
        'idempotency-key': 'short',
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('Idempotency-Key');
    expect(await itemCount()).toBe(before);
  });
});
