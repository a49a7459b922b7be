import { ScanCommand } from '@aws-sdk/client-dynamodb';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { localDynamoClient } from '../../infra/local/dynamodb-local.js';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import * as z from '../../shared/domain/common/zod.js';
import { apiContracts } from '../../shared/http/contracts/index.js';
import type { RouteDecl } from '../../shared/http/route-decl.js';
import { aCustomFieldBody } from '../support/builders.js';
import { aDeal } from '../support/deal-fixtures.js';
import { aCompany, aContact } from '../support/fixtures.js';
import {
  bodyFor,
  contentType,
  type JsonSchema,
  junkHeader,
  pathValueFor,
  queryFor,
} from '../support/fuzz-arbitraries.js';
import { setUpRuntime, staffId } from '../support/set-up-runtime.js';

/**
 * Every manifest route fuzzed from its own contract's schemas (fast-check, fixed seed, bounded
 * runs): bodies, query strings and path parameters of the schema, at its boundaries and far
 * outside it, junk If-Match and Idempotency-Key headers, wrong content types. Whatever comes in,
 * the API never answers 5xx, every 4xx has the error shape, and a 4xx writes nothing: neither an
 * item nor an audit record.
 */
const env = setUpRuntime();
const { admin } = env;

const SEED = 20_261_204;
/** Requests per route: ~100 routes × 32 stay within the file's few-minute budget on two cores. */
const RUNS = 32;

const jsonSchemaOf = (schema: z.ZodMiniType | undefined): JsonSchema | undefined =>
  schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : undefined;

/** Ids of records seeded in beforeAll, by the path segment they follow (`/api/deals/{id}` → deals). */
const known: Record<string, string[]> = {};

interface TableCounts {
  items: number;
  audit: number;
}

/** Items and audit records in the table now (test-only: a Scan of the small test table). */
async function tableCounts(): Promise<TableCounts> {
  const client = localDynamoClient(env.runtime.dynamoEndpoint);
  const counts = { items: 0, audit: 0 };
  let start: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({
        TableName: env.runtime.tableName,
        ProjectionExpression: '#type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExclusiveStartKey: start as never,
      }),
    );
    for (const item of page.Items ?? []) {
      counts.items += 1;
      if (item.type?.S === 'Audit') counts.audit += 1;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return counts;
}

async function seed(path: string, body: Record<string, unknown>): Promise<string> {
  const res = await admin.post<{ id: string }>(path, body);
  expect(res.status, `${path}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body.id;
}

beforeAll(async () => {
  const contact = await seed('/api/contacts', aContact());
  const company = await seed('/api/companies', aCompany());
  const deal = await seed('/api/deals', aDeal({ companyId: company }));
  const product = await seed('/api/products', {
    name: 'Widget',
    sku: 'SKU-FUZZ-1',
    unitPrice: 1250,
    currency: 'USD',
    taxRate: 1000,
  });
  const quote = await seed('/api/quotes', {
    dealId: deal,
    lines: [{ description: 'Consulting', quantityMilli: 1000, unitPrice: 10_000, taxRate: 0 }],
  });
  const contract = await seed('/api/contracts', {
    title: 'Support plan',
    companyId: company,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    value: 1_200_000,
    currency: 'CNY',
    paymentTerms: 'Net 30',
  });
  const task = await seed('/api/tasks', { title: 'Call back', dueAt: '2031-01-01T09:00:00.000Z' });
  const activity = await seed('/api/activities', {
    kind: 'note',
    entity: 'contact',
    entityId: contact,
    subject: 'Note',
  });
  const team = await seed('/api/teams', { name: 'Fuzz team', memberIds: [] });
  const field = aCustomFieldBody();
  expect((await admin.post('/api/custom-fields', field)).status).toBe(201);
  const pipelines = await admin.get<{ items: { id: string }[] }>('/api/pipelines');
  await env.runtime.drain();

  Object.assign(known, {
    contacts: [contact],
    companies: [company],
    deals: [deal],
    pipelines: pipelines.body.items.map((p) => p.id),
    products: [product],
    quotes: [quote],
    contracts: [contract],
    tasks: [task],
    activities: [activity],
    teams: [team],
    'lead-pool': [contact],
    'lead-rules': [team],
    // Never the admin the fuzz acts as: a random valid PATCH could disable them.
    users: [staffId('sales2@cirrus.local')],
    notifications: ['01JXXXXXXXXXXXXXXXXXXXXXXX'],
    reassignments: ['01JXXXXXXXXXXXXXXXXXXXXXXX'],
    jobs: ['00000000-0000-4000-8000-000000000000'],
    attachmentId: ['01JXXXXXXXXXXXXXXXXXXXXXXX'],
    entity: ['contact', 'company'],
    key: [String(field.key)],
    field: ['phone', 'email', 'name'],
  });
});

/** The seeded values a path parameter can take: by its name, else by the segment before it. */
function knownFor(path: string, name: string): string[] {
  if (known[name]) return known[name]!;
  const segments = path.split('/');
  const before = segments[segments.indexOf(`{${name}}`) - 1]!;
  return known[before] ?? ['unknown-id'];
}

interface FuzzRequest {
  path: string;
  query: string;
  body: string | undefined;
  contentType: string | undefined;
  ifMatch: string | undefined;
  idempotencyKey: string | undefined;
}

function requestFor(route: RouteDecl): fc.Arbitrary<FuzzRequest> {
  const contract = apiContracts[routeKey(route)]!;
  const names = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const params = fc.tuple(...names.map((name) => pathValueFor(knownFor(route.path, name))));
  return fc.record({
    path: (names.length ? params : fc.constant([] as string[])).map((values) =>
      route.path.replace(/\{(\w+)\}/g, (_, name: string) => values[names.indexOf(name)]!),
    ),
    query: queryFor(jsonSchemaOf(contract.query)),
    body: route.method === 'GET' ? fc.constant(undefined) : bodyFor(jsonSchemaOf(contract.body)),
    contentType,
    ifMatch: fc.option(junkHeader, { nil: undefined }),
    idempotencyKey: fc.option(junkHeader, { nil: undefined }),
  });
}

async function send(route: RouteDecl, req: FuzzRequest, token: string | undefined) {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (req.contentType !== undefined) headers['content-type'] = req.contentType;
  if (req.ifMatch !== undefined) headers['if-match'] = req.ifMatch;
  if (req.idempotencyKey !== undefined) headers['idempotency-key'] = req.idempotencyKey;
  const url = `${env.runtime.baseUrl}${req.path}${req.query ? `?${req.query}` : ''}`;
  const res = await fetch(url, { method: route.method, headers, body: req.body });
  const text = await res.text();
  return { status: res.status, text };
}

const describeRequest = (route: RouteDecl, req: FuzzRequest) =>
  JSON.stringify({ ...req, route: routeKey(route), body: req.body?.slice(0, 300) }, (_, v) =>
    typeof v === 'string' && v.length > 300 ? `${v.slice(0, 300)}… (${v.length} chars)` : v,
  );

const errorShape = {
  error: expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
};

/**
 * What API Gateway itself answers before any function runs: no route matches (a junk path
 * parameter such as `..` or an empty one), the JWT authorizer refuses the token, a request over
 * its limits. An HTTP API cannot reshape these (no gateway responses, unlike a REST API), so they
 * are its own `{ message }`, exactly; every answer of our functions has the error shape.
 */
const GATEWAY_ANSWERS: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Request Entity Too Large',
  431: 'Request Header Fields Too Large',
};

const jsonOrText = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return { notJson: text.slice(0, 200) };
  }
};

/** What the fuzz reached, so a fuzz that only ever met the gateway's 404 cannot pass unnoticed. */
const tally = { success: 0, functionErrors: 0, gatewayErrors: 0 };

/** A 4xx answer is either the error shape of our functions or one of API Gateway's own, as is. */
function expectErrorShape(status: number, text: string, context: string) {
  const body = jsonOrText(text) as { message?: unknown };
  const fromGateway = GATEWAY_ANSWERS[status];
  if (fromGateway !== undefined && 'message' in body && !('error' in body)) {
    expect(body, context).toEqual({ message: fromGateway });
    tally.gatewayErrors += 1;
  } else {
    expect(body, context).toMatchObject(errorShape);
    tally.functionErrors += 1;
  }
}

describe('GET /api/openapi.json', () => {
  it('serves any staff member the document of every manifest route, the same on every call', async () => {
    const first = await env.sales1.get<{ openapi: string; paths: Record<string, Record<string, unknown>> }>(
      '/api/openapi.json',
    );
    const again = await env.admin.get('/api/openapi.json');

    expect(first.status).toBe(200);
    expect(first.body.openapi).toBe('3.1.0');
    const documented = Object.entries(first.body.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(manifest.routes.map(routeKey).sort());
    expect(again.body).toEqual(first.body);
  });
});

describe('the API under fuzzed input, route by route (fast-check)', () => {
  let counts: TableCounts;
  let adminToken: string;
  beforeAll(async () => {
    adminToken = await env.runtime.token('admin@cirrus.local');
    counts = await tableCounts();
  });

  it.each(manifest.routes.map((route, i) => [routeKey(route), route, i] as const))(
    '%s: never a 5xx; every 4xx has the error shape and writes nothing',
    async (_key, route, index) => {
      const token = route.audience === 'public' ? undefined : adminToken;
      await fc.assert(
        fc.asyncProperty(requestFor(route), async (req) => {
          const res = await send(route, req, token);
          const context = `${res.status} ${res.text.slice(0, 300)} for ${describeRequest(route, req)}`;

          expect(res.status, context).toBeLessThan(500);
          if (res.status >= 400) {
            expectErrorShape(res.status, res.text, context);
            expect(await tableCounts(), context).toEqual(counts);
          } else {
            tally.success += 1;
            // A 2xx may write, directly and through the outbox: settle, then count afresh.
            await env.runtime.drain();
            counts = await tableCounts();
          }
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
    },
    120_000,
  );

  it.each(manifest.routes.filter((r) => r.audience !== 'public').map((r) => [routeKey(r), r] as const))(
    '%s: a junk bearer token is refused with a 4xx that writes nothing',
    async (_key, route) => {
      await fc.assert(
        fc.asyncProperty(requestFor(route), junkHeader, async (req, junkToken) => {
          const res = await send(route, req, junkToken.trim() || 'x');
          const context = `${res.status} ${res.text.slice(0, 300)} for ${describeRequest(route, req)}`;

          expect(res.status, context).toBeGreaterThanOrEqual(400);
          expect(res.status, context).toBeLessThan(500);
          expectErrorShape(res.status, res.text, context);
          expect(await tableCounts(), context).toEqual(counts);
        }),
        { seed: SEED, numRuns: 3, endOnFailure: true },
      );
    },
  );

  it('reached the functions: most answers came from them, valid and invalid', () => {
    const total = tally.success + tally.functionErrors + tally.gatewayErrors;
    console.info('fuzz answers', tally);

    expect(total).toBeGreaterThanOrEqual(manifest.routes.length * RUNS);
    expect(tally.success).toBeGreaterThan(manifest.routes.length);
    expect(tally.functionErrors).toBeGreaterThan(total / 2);
  });
});
