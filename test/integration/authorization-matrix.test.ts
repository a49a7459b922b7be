import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PORTAL_USERS } from '../../infra/local/portal-users.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { STAFF_USERS } from '../../infra/local/staff-users.js';
import { manifest } from '../../infra/manifest.js';
import { type RouteDecl, routeKey } from '../../infra/manifest.types.js';
import { PERMISSION_MATRIX, PERMISSIONS, type Permission } from '../../shared/auth/permissions.js';
import { ROLES, type Role } from '../../shared/auth/roles.js';
import { dbUsage } from '../../shared/db/metrics.js';
import { startTestRuntime } from '../support/runtime.js';

/**
 * The authorization matrix, generated from the manifest: every route × every staff role, plus
 * anonymous and a portal customer. The expected outcome is derived, never written by hand:
 *  - public route                          → allowed for everyone;
 *  - staff route, anonymous or portal       → 401 from the gateway (staff JWT authorizer), no function runs;
 *  - staff route, role without permission   → 403 from the handler's authorize step, the table untouched;
 *  - staff route, role with permission      → the handler ran: not 401/403, not 5xx;
 *  - portal route, portal customer          → allowed; anyone else → 401 from the gateway.
 * "Allowed" requests are harmless: unknown ids, or bodies that fail validation. A route whose
 * permission is unknown, an audience nobody handles, or a write route with no harmless request
 * declared in PROBES fails the suite, so a new route cannot go unexamined.
 */

type Principal =
  | { name: Role; kind: 'staff'; role: Role; email: string }
  | { name: 'anonymous'; kind: 'anonymous' }
  | { name: 'portal customer'; kind: 'portal'; email: string };

type Expected = 'allowed' | 401 | 403;

/** A seeded sign-in holding exactly this one role, so that the role alone decides. */
function staffWithOnly(role: Role): string {
  const user = STAFF_USERS.find((u) => u.roles.length === 1 && u.roles[0] === role);
  if (!user) throw new Error(`No seeded staff user has exactly the role ${role}: add one to staff-users.ts`);
  return user.email;
}

const PRINCIPALS: Principal[] = [
  ...ROLES.map((role): Principal => ({ name: role, kind: 'staff', role, email: staffWithOnly(role) })),
  { name: 'anonymous', kind: 'anonymous' },
  { name: 'portal customer', kind: 'portal', email: PORTAL_USERS[0]!.email },
];

/** Whether a role holds a route's permission, per PERMISSION_MATRIX; anything unknown throws. */
function roleMay(role: Role, route: RouteDecl): boolean {
  const permission = route.permission;
  if (permission === null || !(PERMISSIONS as readonly string[]).includes(permission)) {
    throw new Error(`${routeKey(route)} requires "${permission}", which is not a permission in shared/auth`);
  }
  const granted = PERMISSION_MATRIX[role] as ReadonlySet<Permission> | undefined;
  if (!granted) throw new Error(`PERMISSION_MATRIX has no row for the role ${role}`);
  if (!ROLES.some((r) => PERMISSION_MATRIX[r]?.has(permission))) {
    throw new Error(`No role is granted ${permission}, so nobody can call ${routeKey(route)}`);
  }
  return granted.has(permission);
}

function expectedOf(route: RouteDecl, who: Principal): Expected {
  switch (route.audience) {
    case 'public':
      return 'allowed';
    case 'staff':
      if (who.kind !== 'staff') return 401;
      return roleMay(who.role, route) ? 'allowed' : 403;
    case 'portal':
      return who.kind === 'portal' ? 'allowed' : 401;
    default:
      throw new Error(
        `${routeKey(route)} has the audience "${String(route.audience)}", which this matrix does not know`,
      );
  }
}

/** Path parameter values that name nothing: a well-formed id that no record has. */
const PARAM_VALUES: Record<string, string> = {
  id: 'matrix-probe-does-not-exist',
  entity: 'contact',
  key: 'matrixProbeMissing',
  attachmentId: 'matrix-probe-does-not-exist',
  field: 'matrixProbeMissing',
};

/**
 * The harmless request for each route that could change something. GET is safe by HTTP semantics
 * and DELETE with path parameters targets an id that does not exist; every other write route must
 * be listed here, with a body that fails validation or targets nothing.
 */
const PROBES: Record<string, { body: unknown }> = {
  'POST /api/contacts': { body: {} },
  'PATCH /api/contacts/{id}': { body: {} },
  'POST /api/contacts/{id}/restore': { body: {} },
  'POST /api/companies': { body: {} },
  'PATCH /api/companies/{id}': { body: {} },
  'POST /api/companies/{id}/restore': { body: {} },
  'POST /api/custom-fields': { body: {} },
  'PATCH /api/custom-fields/{entity}/{key}': { body: {} },
  // A built-in field that does not exist (400): no setting changes, no re-encryption job starts.
  'PATCH /api/custom-fields/{entity}/built-in/{field}': { body: { sensitive: true } },
  'POST /api/teams': { body: {} },
  // Service desk: an empty body fails validation (400); an unknown calendar is 404.
  'POST /api/business-calendars': { body: {} },
  'PATCH /api/business-calendars/{id}': { body: {} },
  'POST /api/sla-policies': { body: {} },
  'PATCH /api/sla-policies/{id}': { body: {} },
  'PATCH /api/teams/{id}': { body: {} },
  'POST /api/reassignments': { body: {} },
  'POST /api/users': { body: {} },
  'PATCH /api/users/{id}': { body: {} },
  // Work: an empty body fails validation (400); an unknown task or activity id is 404.
  'POST /api/tasks': { body: {} },
  'PATCH /api/tasks/{id}': { body: {} },
  'POST /api/tasks/{id}/complete': { body: {} },
  'POST /api/activities': { body: {} },
  'PATCH /api/activities/{id}': { body: {} },
  // Leads: an unknown lead id (404), or a body that fails validation (400).
  'POST /api/lead-pool/{id}/claim': { body: {} },
  'POST /api/lead-pool/{id}/release': { body: {} },
  'POST /api/leads': { body: {} },
  'PUT /api/lead-rules/{id}': { body: {} },
  'POST /api/pipelines': { body: {} },
  'PATCH /api/pipelines/{id}': { body: {} },
  'POST /api/deals': { body: {} },
  'PATCH /api/deals/{id}': { body: {} },
  'POST /api/deals/{id}/stage': { body: {} },
  'POST /api/products': { body: {} },
  'PATCH /api/products/{id}': { body: {} },
  'POST /api/quotes': { body: {} },
  'PATCH /api/quotes/{id}': { body: {} },
  'POST /api/quotes/{id}/status': { body: {} },
  'POST /api/quotes/{id}/send': { body: {} },
  'POST /api/me/mfa/totp': { body: { unexpected: true } },
  'POST /api/me/mfa/totp/verify': { body: {} },
  'PUT /api/quotas': { body: {} },
  'POST /api/contracts': { body: {} },
  'PATCH /api/contracts/{id}': { body: {} },
  'POST /api/contracts/{id}/renew': { body: {} },
  'POST /api/contracts/{id}/terminate': { body: {} },
  'POST /api/contracts/{id}/attachments': { body: {} },
  'POST /api/contracts/{id}/attachments/{attachmentId}/confirm': { body: {} },
  'POST /api/contracts/{id}/payments': { body: {} },
  'POST /api/notifications/{id}/read': { body: {} },
  'POST /api/notifications/read-all': { body: {} },
  'PUT /api/me/notification-preferences': { body: { email: 'not-a-map' } },
};

function requestFor(route: RouteDecl): { path: string; body?: unknown } {
  const key = routeKey(route);
  const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = PARAM_VALUES[name];
    if (!value) throw new Error(`No probe value for the path parameter {${name}} of ${key}: add one to PARAM_VALUES`);
    return encodeURIComponent(value);
  });
  const probe = PROBES[key];
  if (probe) return { path, body: probe.body };
  const harmlessByDefault = route.method === 'GET' || (route.method === 'DELETE' && path !== route.path);
  if (!harmlessByDefault) throw new Error(`No harmless request declared for ${key}: add one to PROBES`);
  return { path };
}

const CASES = manifest.routes.flatMap((route) =>
  PRINCIPALS.map((who) => {
    const expected = expectedOf(route, who);
    return {
      title: `${routeKey(route)} as ${who.name} → ${expected === 'allowed' ? 'allowed' : expected}`,
      route,
      who,
      expected,
    };
  }),
);

let runtime: Runtime;
const tokens = new Map<string, string>();
let traceBefore: string;

/** Everything a probe could have created or changed, as the admin sees it. */
async function trace(): Promise<string> {
  const admin = tokens.get('admin')!;
  const read = async (path: string) => {
    const res = await fetch(`${runtime.baseUrl}${path}`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status, path).toBe(200);
    return res.json();
  };
  return JSON.stringify([
    await read('/api/contacts?limit=100'),
    await read('/api/companies?limit=100'),
    await read('/api/custom-fields'),
    await read('/api/users'),
  ]);
}

beforeAll(async () => {
  // A little demo data, so that the portal customer is linked to a contact as in real use.
  runtime = await startTestRuntime({ seed: { companies: 2, contacts: 2 } });
  for (const who of PRINCIPALS) if (who.kind !== 'anonymous') tokens.set(who.name, await runtime.token(who.email));
  traceBefore = await trace();
});
afterAll(async () => {
  await runtime?.stop();
});

describe('the authorization matrix, from the manifest', () => {
  it('covers every route for every principal', () => {
    expect(CASES).toHaveLength(manifest.routes.length * PRINCIPALS.length);
    expect(PRINCIPALS.filter((p) => p.kind === 'staff').map((p) => p.name)).toEqual([...ROLES]);
    const counts = { allowed: 0, 401: 0, 403: 0 };
    for (const c of CASES) counts[c.expected] += 1;
    console.info(
      `Authorization matrix: ${manifest.routes.length} routes × ${PRINCIPALS.length} principals = ${CASES.length} cases ` +
        `(${counts.allowed} allowed, ${counts[403]} × 403, ${counts[401]} × 401)`,
    );
  });

  it('fails loudly on a route it cannot judge', () => {
    const admin = PRINCIPALS[0]!;
    const route = (over: Partial<RouteDecl>): RouteDecl => ({
      method: 'GET',
      path: '/api/new-thing',
      function: 'platform',
      audience: 'staff',
      permission: 'staff:read',
      ...over,
    });
    expect(() => expectedOf(route({ permission: 'things:read' as Permission }), admin)).toThrow(/not a permission/);
    expect(() => expectedOf(route({ permission: null }), admin)).toThrow(/not a permission/);
    expect(() => expectedOf(route({ audience: 'partner' as RouteDecl['audience'] }), admin)).toThrow(/audience/);
    expect(() => requestFor(route({ method: 'POST' }))).toThrow(/No harmless request declared for POST/);
    expect(() => requestFor(route({ method: 'DELETE' }))).toThrow(/No harmless request declared for DELETE/);
    expect(() => requestFor(route({ path: '/api/new-thing/{slug}' }))).toThrow(/\{slug\}/);
  });

  it('declares a probe only for routes that exist', () => {
    const keys = new Set(manifest.routes.map(routeKey));
    expect(Object.keys(PROBES).filter((k) => !keys.has(k))).toEqual([]);
  });

  it.each(CASES.map((c) => [c.title, c] as const))('%s', async (_title, { route, who, expected }) => {
    const { path, body } = requestFor(route);
    const token = tokens.get(who.name);
    const invocationsBefore = runtime.status().invocations[route.function] ?? 0;
    const requestsBefore = dbUsage().requests;

    const res = await fetch(`${runtime.baseUrl}${path}`, {
      method: route.method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json = res.headers.get('content-type')?.includes('json') && text ? JSON.parse(text) : undefined;
    const ran = (runtime.status().invocations[route.function] ?? 0) - invocationsBefore;
    const detail = `${res.status} ${text.slice(0, 200)}`;

    if (expected === 401) {
      expect(res.status, detail).toBe(401);
      // The gateway's own answer: the function never ran and the table was never read.
      expect(json, detail).toEqual({ message: 'Unauthorized' });
      expect(ran).toBe(0);
      expect(dbUsage().requests).toBe(requestsBefore);
    } else if (expected === 403) {
      expect(res.status, detail).toBe(403);
      expect(json?.error?.code, detail).toBe('auth.forbidden');
      expect(json?.requestId, detail).toEqual(expect.any(String));
      // Refused by the route's declared permission before any read or write.
      expect(ran).toBe(1);
      expect(dbUsage().requests).toBe(requestsBefore);
    } else {
      expect([401, 403], detail).not.toContain(res.status);
      expect(res.status, detail).toBeLessThan(500);
      expect(ran, 'the handler ran').toBe(1);
      if (res.status >= 400) expect(json?.requestId, detail).toEqual(expect.any(String));
    }
  });

  it('left no trace: the allowed probes changed nothing', async () => {
    expect(await trace()).toBe(traceBefore);
  });
});
