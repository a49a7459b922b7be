import { beforeAll, describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { defineRoute, ok, type RouteDef } from '../../shared/http/route.js';
import { routeTable } from '../../shared/http/router.js';

const aRoute = (): RouteDef => defineRoute({ handle: async () => ok({}) });

/** A handler for every manifest route of `fn`, plus or minus the given keys. */
function routesOf(
  fn: 'platform' | 'customers',
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
    const routes = routesOf('platform');

    const table = routeTable('platform', routes);

    expect([...table.keys()].sort()).toEqual(['GET /api/health', 'GET /api/me', 'GET /api/staff']);
    expect(table.get('GET /api/me')?.def).toBe(routes['GET /api/me']);
    expect(table.get('GET /api/health')?.decl).toMatchObject({ audience: 'public', permission: null });
  });

  it('throws when a manifest route has no handler, naming it', () => {
    const routes = routesOf('platform', { without: ['GET /api/staff'] });

    expect(() => routeTable('platform', routes)).toThrow(/missing GET \/api\/staff; not declared none/);
  });

  it('throws when a handler has no manifest route, naming it', () => {
    const routes = routesOf('platform', { plus: ['DELETE /api/staff/{id}'] });

    expect(() => routeTable('platform', routes)).toThrow(/missing none; not declared DELETE \/api\/staff\/\{id\}/);
  });

  it("throws when a function serves another function's route", () => {
    const routes = routesOf('platform', { plus: ['GET /api/contacts'] });

    expect(() => routeTable('platform', routes)).toThrow(/not declared GET \/api\/contacts/);
  });

  it('throws when the method differs from the manifest', () => {
    const routes = routesOf('customers', { without: ['PATCH /api/contacts/{id}'], plus: ['PUT /api/contacts/{id}'] });

    expect(() => routeTable('customers', routes)).toThrow(
      /missing PATCH \/api\/contacts\/\{id\}; not declared PUT \/api\/contacts\/\{id\}/,
    );
  });

  it('throws for a function that serves no routes when given one', () => {
    expect(() => routeTable('purgeWorker', { 'GET /api/health': aRoute() })).toThrow(/Routes of purgeWorker differ/);
  });

  it('accepts no routes for a function that has none', () => {
    expect(routeTable('purgeWorker', {}).size).toBe(0);
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

  it('platform serves exactly its manifest routes', async () => {
    await expect(import('../../functions/platform/handler.js')).resolves.toHaveProperty(
      'handler',
      expect.any(Function),
    );
  });
});
