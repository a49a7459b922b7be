import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedRouteKeys } from '../../infra/local/routes.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { PERMISSIONS } from '../../shared/auth/permissions.js';
import { startTestRuntime } from '../support/runtime.js';

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => {
  await runtime?.stop();
});

describe('the manifest is the one description of the system', () => {
  it('gives every route a permission (or marks it public) from the permission list', () => {
    for (const route of manifest.routes) {
      if (route.audience === 'public') expect(route.permission, routeKey(route)).toBeNull();
      else expect(PERMISSIONS, routeKey(route)).toContain(route.permission);
    }
  });

  it('has a handler export for every function and every route', async () => {
    for (const [id, fn] of Object.entries(manifest.functions)) {
      const mod = (await import(`../../${fn.entry}`)) as { handler?: unknown };
      expect(typeof mod.handler, id).toBe('function');
    }
  });

  it('is served route for route by the local gateway', () => {
    expect(servedRouteKeys().sort()).toEqual(manifest.routes.map(routeKey).sort());
  });

  it.each(manifest.routes.map((r) => [routeKey(r), r] as const))('reaches the handler for %s', async (_key, route) => {
    const token = await runtime.token('admin@cirrus.local');
    const path = route.path.replace(/\{entity\}/g, 'contact').replace(/\{\w+\}/g, 'does-not-exist');
    const res = await fetch(`${runtime.baseUrl}${path}`, {
      method: route.method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: route.method === 'GET' || route.method === 'DELETE' ? undefined : '{}',
    });
    // A download (CSV) is a handler's answer too; only JSON can be the gateway's own 404.
    const isJson = res.headers.get('content-type')?.startsWith('application/json') ?? false;
    const body = (isJson ? await res.json() : {}) as { message?: string; requestId?: string };
    // The gateway's own 404 is `{"message":"Not Found"}`; anything from a handler carries a request id or data.
    expect(body.message === 'Not Found' && res.status === 404, `${res.status} ${JSON.stringify(body)}`).toBe(false);
    expect(res.status).toBeLessThan(500);
  });

  it('serves no route outside the manifest', async () => {
    const token = await runtime.token('admin@cirrus.local');
    const res = await fetch(`${runtime.baseUrl}/api/contacts/x/secret`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.status).toBe(404);
  });
});
