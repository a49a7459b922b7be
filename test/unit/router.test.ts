import type { Context } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { routesOf as declaredRoutes, manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { logger } from '../../shared/http/logger.js';
import type { HttpEvent } from '../../shared/http/middleware/types.js';
import { defineRoute, download, ok, type RouteDef } from '../../shared/http/route.js';
import { createHandler, routeTable } from '../../shared/http/router.js';

const aRoute = (): RouteDef => defineRoute({ handle: async () => ok({}) });

/** A handler for every manifest route of `fn`, plus or minus the given keys. */
function handlersFor(
  fn: 'platform' | 'customers' | 'audit',
  { without = [], plus = [] }: { without?: string[]; plus?: string[] } = {},
) {
  const keys = manifest.routes
    .filter((r) => r.function === fn)
    .map(routeKey)
    .filter((key) => !without.includes(key));
  return Object.fromEntries([...keys, ...plus].map((key) => [key, aRoute()]));
}

describe('routeTable', () => {
  it("maps each of the function's manifest routes to its handler and declaration", () => {
    const routes = handlersFor('platform');

    const table = routeTable(declaredRoutes('platform'), routes);

    expect([...table.keys()].sort()).toEqual(['GET /api/health', 'GET /api/me', 'GET /api/staff']);
    expect(table.get('GET /api/me')?.def).toBe(routes['GET /api/me']);
    expect(table.get('GET /api/health')?.decl).toMatchObject({ audience: 'public', permission: null });
  });

  it('throws when a manifest route has no handler, naming it', () => {
    const routes = handlersFor('platform', { without: ['GET /api/staff'] });

    expect(() => routeTable(declaredRoutes('platform'), routes)).toThrow(/missing GET \/api\/staff; not declared none/);
  });

  it('throws when a handler has no manifest route, naming it', () => {
    const routes = handlersFor('platform', { plus: ['DELETE /api/staff/{id}'] });

    expect(() => routeTable(declaredRoutes('platform'), routes)).toThrow(
      /missing none; not declared DELETE \/api\/staff\/\{id\}/,
    );
  });

  it("throws when a function serves another function's route", () => {
    const routes = handlersFor('platform', { plus: ['GET /api/contacts'] });

    expect(() => routeTable(declaredRoutes('platform'), routes)).toThrow(/not declared GET \/api\/contacts/);
  });

  it('throws when the method differs from the manifest', () => {
    const routes = handlersFor('customers', {
      without: ['PATCH /api/contacts/{id}'],
      plus: ['PUT /api/contacts/{id}'],
    });

    expect(() => routeTable(declaredRoutes('customers'), routes)).toThrow(
      /missing PATCH \/api\/contacts\/\{id\}; not declared PUT \/api\/contacts\/\{id\}/,
    );
  });

  it('throws for a function that serves no routes when given one', () => {
    expect(() => routeTable(declaredRoutes('purgeWorker'), { 'GET /api/health': aRoute() })).toThrow(
      /Routes of purgeWorker differ/,
    );
  });

  it('accepts no routes for a function that has none', () => {
    expect(routeTable(declaredRoutes('purgeWorker'), {}).size).toBe(0);
  });
});

describe('the real handlers', () => {
  beforeAll(() => {
    process.env.TABLE_NAME ??= 'test-table';
  });

  it('customers serves exactly its manifest routes', async () => {
    await expect(import('../../functions/customers/handler.js')).resolves.toHaveProperty(
      'handler',
      expect.any(Function),
    );
  });

  it('audit serves exactly its manifest routes', async () => {
    await expect(import('../../functions/audit/handler.js')).resolves.toHaveProperty('handler', expect.any(Function));
  });

  it('platform serves exactly its manifest routes', async () => {
    await expect(import('../../functions/platform/handler.js')).resolves.toHaveProperty(
      'handler',
      expect.any(Function),
    );
  });
});

/** An API Gateway event for a signed-in admin, as the JWT authorizer hands it over. */
function anAdminEvent(key: string): HttpEvent {
  return {
    routeKey: key,
    headers: {},
    requestContext: {
      requestId: 'req-1',
      authorizer: { jwt: { claims: { sub: 'u-1', name: 'Avery Chen', 'cognito:groups': '[admin]' }, scopes: [] } },
    },
  } as unknown as HttpEvent;
}

describe('responses', () => {
  // The access line of each request is for CloudWatch, not for the test output.
  beforeAll(() => logger.setLogLevel('WARN'));
  const csv = '\uFEFFName\r\nAnn\r\n';
  const handler = createHandler(declaredRoutes('audit'), {
    ...handlersFor('audit'),
    'GET /api/audit': defineRoute({ handle: async () => ok({ items: [] }) }),
    'GET /api/audit/export': defineRoute({
      handle: async () => download('audit.csv', 'text/csv; charset=utf-8', csv, { 'x-export-rows': '1' }),
    }),
  });
  const call = (key: string) => handler(anAdminEvent(key), {} as Context);

  it('sends a raw result as is, with its content type, as a download that is never cached', async () => {
    const res = await call('GET /api/audit/export');

    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(csv);
    expect(res.headers).toMatchObject({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="audit.csv"',
      'cache-control': 'no-store',
      'x-export-rows': '1',
    });
  });

  it('sends a body as JSON', async () => {
    const res = await call('GET /api/audit');

    expect(res.headers?.['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(String(res.body))).toEqual({ items: [] });
  });
});
