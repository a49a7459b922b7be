import { afterEach, describe, expect, it, vi } from 'vitest';
import { isApiPath, matchRoute, servedRouteKeys } from '../../infra/local/routes.js';
import { manifest } from '../../infra/manifest.js';
import { type RouteDecl, routeKey } from '../../infra/manifest.types.js';

describe('matchRoute', () => {
  it.each([
    ['GET', '/api/contacts', 'GET /api/contacts', {}],
    ['POST', '/api/contacts', 'POST /api/contacts', {}],
    ['GET', '/api/contacts/c-1', 'GET /api/contacts/{id}', { id: 'c-1' }],
    ['PATCH', '/api/companies/co-1', 'PATCH /api/companies/{id}', { id: 'co-1' }],
    ['DELETE', '/api/contacts/c-1', 'DELETE /api/contacts/{id}', { id: 'c-1' }],
    ['POST', '/api/contacts/c-1/restore', 'POST /api/contacts/{id}/restore', { id: 'c-1' }],
    ['GET', '/api/contacts/c-1/timeline', 'GET /api/contacts/{id}/timeline', { id: 'c-1' }],
    [
      'PATCH',
      '/api/custom-fields/contact/budget',
      'PATCH /api/custom-fields/{entity}/{key}',
      { entity: 'contact', key: 'budget' },
    ],
    ['GET', '/api/health', 'GET /api/health', {}],
  ])('routes %s %s to %s', (method, path, key, params) => {
    const matched = matchRoute(method, path);

    expect(matched?.routeKey).toBe(key);
    expect(matched?.pathParameters).toEqual(params);
  });

  it('routes a restore to the restore route, not to the record route', () => {
    const matched = matchRoute('POST', '/api/contacts/c-1/restore');

    expect(matched?.decl).toMatchObject({ path: '/api/contacts/{id}/restore', permission: 'contacts:delete' });
  });

  it('hands over the declaration with its audience and permission', () => {
    expect(matchRoute('GET', '/api/health')?.decl).toMatchObject({ function: 'platform', audience: 'public' });
    expect(matchRoute('DELETE', '/api/companies/co-1')?.decl).toMatchObject({
      function: 'customers',
      permission: 'companies:delete',
    });
  });

  it.each([
    ['/api/contacts/a%20b', 'a b'],
    ['/api/contacts/%E5%BC%A0%E4%BC%9F', '张伟'],
    ['/api/contacts/a%2Fb', 'a/b'],
  ])('decodes the path parameter of %s', (path, id) => {
    expect(matchRoute('GET', path)?.pathParameters).toEqual({ id });
  });

  it.each([
    ['GET', '/api/no-such-resource'],
    ['GET', '/api/contacts/c-1/notes'],
    ['GET', '/api/contacts/'],
    ['GET', '/api/contacts//timeline'],
    ['GET', '/api'],
    ['GET', '/api/contacts/c-1/restore/extra'],
    ['PUT', '/api/contacts/c-1'],
    ['DELETE', '/api/contacts'],
    ['GET', '/api/contacts/c-1/restore'],
    ['get', '/api/contacts'],
  ])('finds no route for %s %s', (method, path) => {
    expect(matchRoute(method, path)).toBeUndefined();
  });
});

describe('matchRoute with a literal and a parameter in the same place', () => {
  afterEach(() => {
    vi.doUnmock('../../infra/manifest.js');
    vi.resetModules();
  });

  async function routerFor(routes: RouteDecl[]) {
    vi.resetModules();
    vi.doMock('../../infra/manifest.js', () => ({ manifest: { ...manifest, routes } }));
    return import('../../infra/local/routes.js');
  }

  const decl = (path: string): RouteDecl => ({
    method: 'GET',
    path,
    function: 'customers',
    audience: 'staff',
    permission: 'contacts:read',
  });

  it('prefers the literal segment, whichever is declared first', async () => {
    const routes = await routerFor([decl('/api/contacts/{id}'), decl('/api/contacts/export')]);

    expect(routes.matchRoute('GET', '/api/contacts/export')?.routeKey).toBe('GET /api/contacts/export');
    expect(routes.matchRoute('GET', '/api/contacts/c-1')?.routeKey).toBe('GET /api/contacts/{id}');
  });

  it('prefers the route with fewer parameters', async () => {
    const routes = await routerFor([decl('/api/{kind}/{id}'), decl('/api/contacts/{id}')]);

    expect(routes.matchRoute('GET', '/api/contacts/c-1')).toMatchObject({
      routeKey: 'GET /api/contacts/{id}',
      pathParameters: { id: 'c-1' },
    });
  });
});

describe('servedRouteKeys', () => {
  it("serves exactly the manifest's routes", () => {
    expect([...servedRouteKeys()].sort()).toEqual(manifest.routes.map(routeKey).sort());
  });

  it('serves each route once', () => {
    const keys = servedRouteKeys();

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches every served route by its own path', () => {
    for (const decl of manifest.routes) {
      const path = decl.path.replace(/\{(\w+)\}/g, 'x1');

      expect(matchRoute(decl.method, path)?.routeKey).toBe(routeKey(decl));
    }
  });
});

describe('isApiPath', () => {
  it.each([
    ['/api/contacts', true],
    ['/api', true],
    ['/portal-api/me', true],
    ['/public/forms/1', true],
    ['/app/', false],
    ['/apiary', false],
    ['/', false],
  ])('%s is an API path: %s', (path, expected) => {
    expect(isApiPath(path)).toBe(expected);
  });
});
