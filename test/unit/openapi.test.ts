import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import * as z from '../../shared/domain/common/zod.js';
import { apiContracts } from '../../shared/http/contracts/index.js';
import { openApiDocument } from '../../shared/http/openapi.js';
import { defineRoute, ok, routeContract } from '../../shared/http/route.js';
import { assertContractsKept } from '../../shared/http/router.js';

const doc = openApiDocument({
  title: 'Cirrus CRM API',
  version: 'test',
  routes: manifest.routes,
  contexts: manifest.functions,
  contracts: apiContracts,
});

type Operation = {
  operationId: string;
  tags: string[];
  'x-permission': string | null;
  security: Record<string, string[]>[];
  parameters?: { name: string; in: string; required: boolean; $ref?: string }[];
  requestBody?: { content: { 'application/json': { schema: { properties?: Record<string, unknown> } } } };
  responses: Record<string, unknown>;
};
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op: op as Operation })),
);
const operationOf = (key: string) => operations.find((o) => o.key === key)!.op;
const headerRefs = (op: Operation) => (op.parameters ?? []).flatMap((p) => (p.$ref ? [p.$ref] : []));

describe('the OpenAPI document', () => {
  it("lists exactly the manifest's routes, each once", () => {
    const documented = operations.map((o) => o.key).sort();

    expect(documented).toEqual(manifest.routes.map(routeKey).sort());
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc);

    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(doc.openapi).toMatch(/^3\.1\./);
  });

  it('gives every operation a unique id, its context as tag, and the permission of its manifest route', () => {
    const ids = operations.map((o) => o.op.operationId);

    expect(new Set(ids).size).toBe(ids.length);
    for (const route of manifest.routes) {
      const op = operationOf(routeKey(route));
      expect(op.tags).toEqual([route.function]);
      expect(op['x-permission']).toBe(route.permission);
      expect(op.security).toEqual(route.audience === 'public' ? [] : [{ staffJwt: [] }]);
    }
  });

  it('documents If-Match on versioned routes and Idempotency-Key on idempotent ones, and only there', () => {
    for (const route of manifest.routes) {
      const contract = apiContracts[routeKey(route)]!;
      const refs = headerRefs(operationOf(routeKey(route)));
      expect(refs.includes('#/components/parameters/IfMatch'), routeKey(route)).toBe(contract.versioned === true);
      expect(refs.includes('#/components/parameters/IdempotencyKey'), routeKey(route)).toBe(
        contract.idempotent === true,
      );
    }
  });

  it('takes path parameters, query parameters and bodies from the zod schemas', () => {
    const patch = operationOf('PATCH /api/deals/{id}');
    const list = operationOf('GET /api/deals');

    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: 'id', in: 'path', required: true }));
    expect(Object.keys(patch.requestBody!.content['application/json'].schema.properties!)).toContain('amount');
    expect(list.parameters).toContainEqual(expect.objectContaining({ name: 'limit', in: 'query', required: false }));
  });

  it("describes every error with the one error shape (and API Gateway's own where it answers first)", () => {
    const errorSchema = doc.components.schemas.Error as { required: string[]; properties: Record<string, unknown> };

    expect(errorSchema.required).toEqual(['error', 'requestId']);
    expect(doc.components.schemas.GatewayError).toMatchObject({ required: ['message'] });
    for (const { op } of operations) {
      expect(op.responses['400']).toEqual({
        description: expect.any(String),
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      });
    }
  });
});

describe('route contracts', () => {
  const contract = routeContract({ body: z.strictObject({ name: z.string() }), versioned: true });

  it('accept a route that carries its contract', () => {
    const routes = { 'POST /x': defineRoute({ ...contract, handle: async () => ok({}) }) };

    expect(() => assertContractsKept(routes, { 'POST /x': contract })).not.toThrow();
  });

  it('reject a route that validates with another schema than its contract, naming it', () => {
    const routes = {
      'POST /x': defineRoute({ ...contract, body: z.strictObject({ other: z.string() }), handle: async () => ok({}) }),
    };

    expect(() => assertContractsKept(routes, { 'POST /x': contract })).toThrow(/differ from their contract: POST \/x/);
  });

  it('reject a route without a contract', () => {
    const routes = { 'GET /y': defineRoute({ handle: async () => ok({}) }) };

    expect(() => assertContractsKept(routes, {})).toThrow(/GET \/y/);
  });
});
