import { createPublicKey, randomBytes } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtAuthorizer } from '../../infra/local/jwt-authorizer.js';
import { CONSOLE_CLIENT_ID, PORTAL_CLIENT_ID } from '../../infra/local/oidc.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { dbUsage } from '../../shared/db/metrics.js';
import { aContact } from '../support/fixtures.js';
import { startTestRuntime } from '../support/runtime.js';
import { PORTAL_POOL, type Pool, STAFF_POOL, signInThroughPool } from '../support/staff-sign-in.js';

/**
 * Token hardening at the gateway, as API Gateway's JWT authorizers do it: every forged, stale or
 * misdirected token is refused with the gateway's own 401, before any function runs and before
 * the table is touched. Also the portal pool: its tokens, its sign-in and its seeded customers.
 */
const ADMIN = 'admin@cirrus.local';
const SALES = 'sales1@cirrus.local';
const CUSTOMER1 = 'customer1@example.com';
const CUSTOMER2 = 'customer2@example.com';

let runtime: Runtime;
let staffIssuer: string;
let portalIssuer: string;

beforeAll(async () => {
  // A little demo data, so that the portal customers are linked to contacts.
  runtime = await startTestRuntime({ seed: { companies: 3, contacts: 6 } });
  staffIssuer = `${runtime.baseUrl}/oidc`;
  portalIssuer = `${runtime.baseUrl}/oidc-portal`;
});
afterAll(async () => {
  await runtime?.stop();
});

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) => token.split('.') as [string, string, string];

async function call(method: string, path: string, authorization?: string, body?: unknown) {
  const res = await fetch(`${runtime.baseUrl}${path}`, {
    method,
    headers: {
      ...(authorization === undefined ? {} : { authorization }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

async function publicJwk(mount: '/oidc' | '/oidc-portal'): Promise<JWK & { kid: string }> {
  const res = await fetch(`${runtime.baseUrl}${mount}/jwks`);
  const { keys } = (await res.json()) as { keys: (JWK & { kid: string })[] };
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

/** A token with the genuine payload, signed by a key the issuer never published. */
async function signedByAnotherKey(payload: Record<string, unknown>, kid: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT(payload).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(privateKey);
}

/** The classic key-confusion forgery: HS256 keyed with the issuer's public key. */
async function hmacWithPublicKey(payload: Record<string, unknown>, secret: string, kid: string): Promise<string> {
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256', kid, typ: 'JWT' })
    .sign(new TextEncoder().encode(secret));
}

type Forgery = [title: string, authorization: () => Promise<string>];

const bearer = (token: string) => `Bearer ${token}`;

const FORGERIES: Forgery[] = [
  ['expired a minute ago', async () => bearer(await runtime.token(ADMIN, { expiresInSeconds: -60 }))],
  ['expired a second ago (no leeway)', async () => bearer(await runtime.token(ADMIN, { expiresInSeconds: -1 }))],
  ['not yet valid (nbf five minutes ahead)', async () => bearer(await runtime.token(ADMIN, { notBeforeSeconds: 300 }))],
  [
    'from another issuer, signed with the genuine key',
    async () =>
      bearer(await runtime.token(ADMIN, { issuer: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Evil' })),
  ],
  [
    'from the portal issuer URL, signed with the staff key',
    async () => bearer(await runtime.token(ADMIN, { issuer: portalIssuer })),
  ],
  [
    'for another audience (the portal client), from the staff pool',
    async () => bearer(await runtime.token(ADMIN, { audience: PORTAL_CLIENT_ID })),
  ],
  ['for no known audience', async () => bearer(await runtime.token(ADMIN, { audience: 'someone-else' }))],
  ["a portal customer's token (wrong audience, issuer and key)", async () => bearer(await runtime.token(CUSTOMER1))],
  [
    'a portal token claiming the staff audience',
    async () => bearer(await runtime.token(CUSTOMER1, { audience: CONSOLE_CLIENT_ID })),
  ],
  [
    'a portal token claiming the staff issuer and audience (signed by the portal key)',
    async () => bearer(await runtime.token(CUSTOMER1, { audience: CONSOLE_CLIENT_ID, issuer: staffIssuer })),
  ],
  [
    'unsigned (alg none)',
    async () => {
      const [, payload] = parts(await runtime.token(ADMIN));
      return bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`);
    },
  ],
  [
    'unsigned (alg none) naming the genuine key id',
    async () => {
      const [header, payload] = parts(await runtime.token(ADMIN));
      const { kid } = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
      return bearer(`${b64({ alg: 'none', kid, typ: 'JWT' })}.${payload}.`);
    },
  ],
  [
    'with a tampered signature',
    async () => {
      const [header, payload, signature] = parts(await runtime.token(ADMIN));
      // A middle character: the last one of a base64url signature may only carry padding bits.
      const i = Math.floor(signature.length / 2);
      const flipped = signature[i] === 'A' ? 'B' : 'A';
      return bearer(`${header}.${payload}.${signature.slice(0, i)}${flipped}${signature.slice(i + 1)}`);
    },
  ],
  [
    'with a tampered payload (a sales rep made admin)',
    async () => {
      const [header, payload, signature] = parts(await runtime.token(SALES));
      const claims = { ...decodeJwt(`${header}.${payload}.${signature}`), 'cognito:groups': ['admin'] };
      return bearer(`${header}.${b64(claims)}.${signature}`);
    },
  ],
  [
    'signed by another key under the genuine key id',
    async () => {
      const genuine = await runtime.token(ADMIN);
      return bearer(await signedByAnotherKey(decodeJwt(genuine), decodeProtectedHeader(genuine).kid!));
    },
  ],
  [
    'signed by another key with a key id the JWKS does not have',
    async () => bearer(await signedByAnotherKey(decodeJwt(await runtime.token(ADMIN)), randomBytes(8).toString('hex'))),
  ],
  [
    'HS256 keyed with the public key (PEM)',
    async () => {
      const jwk = await publicJwk('/oidc');
      const pem = createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
      return bearer(await hmacWithPublicKey(decodeJwt(await runtime.token(ADMIN)), pem, jwk.kid));
    },
  ],
  [
    'HS256 keyed with the public key (JWK JSON)',
    async () => {
      const jwk = await publicJwk('/oidc');
      return bearer(await hmacWithPublicKey(decodeJwt(await runtime.token(ADMIN)), JSON.stringify(jwk), jwk.kid));
    },
  ],
  ['not a JWT', async () => bearer('not-a-jwt')],
  ['an empty bearer', async () => 'Bearer '],
  ['a genuine token in another scheme', async () => `Basic ${await runtime.token(ADMIN)}`],
];

describe('the staff JWT authorizer refuses, before any function runs', () => {
  it.each(FORGERIES)('a token %s → 401', async (_title, authorization) => {
    const header = await authorization();
    const invocations = runtime.status().invocations;
    const requests = dbUsage().requests;

    const read = await call('GET', '/api/contacts', header);
    const write = await call('POST', '/api/contacts', header, aContact());
    const admin = await call('POST', '/api/custom-fields', header, { entity: 'contact', key: 'x', label: 'X' });

    for (const res of [read, write, admin]) {
      expect(res.status).toBe(401);
      // The gateway's own answer, not a handler's (which would carry an error code and a request id).
      expect(res.body).toEqual({ message: 'Unauthorized' });
    }
    expect(runtime.status().invocations).toEqual(invocations);
    expect(dbUsage().requests).toBe(requests);
  });

  it('answers 401 without any token, also before any function runs', async () => {
    const invocations = runtime.status().invocations;
    expect(await call('POST', '/api/contacts', undefined, aContact())).toEqual({
      status: 401,
      body: { message: 'Unauthorized' },
    });
    expect(runtime.status().invocations).toEqual(invocations);
  });

  it('lets a genuine staff token through, with or without the Bearer prefix (the control)', async () => {
    const token = await runtime.token(ADMIN);
    const before = runtime.status().invocations.customers ?? 0;
    expect((await call('GET', '/api/contacts', bearer(token))).status).toBe(200);
    expect((await call('GET', '/api/contacts', token)).status).toBe(200);
    expect(runtime.status().invocations.customers).toBe(before + 2);
  });
});

describe('the portal pool', () => {
  it('issues a portal-audience token from /local/token for a seeded customer', async () => {
    const res = await fetch(`${runtime.baseUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ email: CUSTOMER1 }),
    });
    expect(res.status).toBe(200);
    const { id_token } = (await res.json()) as { id_token: string };
    const claims = decodeJwt(id_token);
    expect(claims).toMatchObject({
      iss: portalIssuer,
      aud: PORTAL_CLIENT_ID,
      email: CUSTOMER1,
      token_use: 'id',
    });
    expect(claims['custom:contactId']).toEqual(expect.any(String));
    expect(claims).not.toHaveProperty('cognito:groups');
    // Its own signing key, as a separate Cognito pool has.
    expect(decodeProtectedHeader(id_token).kid).toBe((await publicJwk('/oidc-portal')).kid);
    expect(decodeProtectedHeader(id_token).kid).not.toBe((await publicJwk('/oidc')).kid);
  });

  it('links each seeded customer to a contact of a different company', async () => {
    const admin = bearer(await runtime.token(ADMIN));
    const companies = new Set<string>();
    const contacts = new Set<string>();
    for (const email of [CUSTOMER1, CUSTOMER2]) {
      const contactId = decodeJwt(await runtime.token(email))['custom:contactId'] as string;
      const contact = await call('GET', `/api/contacts/${contactId}`, admin);
      expect(contact.status).toBe(200);
      expect(contact.body?.companyId).toEqual(expect.any(String));
      contacts.add(contactId);
      companies.add(contact.body!.companyId as string);
    }
    expect(contacts.size).toBe(2);
    expect(companies.size).toBe(2);
  });

  it('ignores issuer, audience and not-before sent to /local/token over HTTP', async () => {
    const res = await fetch(`${runtime.baseUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({
        email: CUSTOMER1,
        audience: CONSOLE_CLIENT_ID,
        issuer: staffIssuer,
        notBeforeSeconds: 60,
      }),
    });
    const claims = decodeJwt(((await res.json()) as { id_token: string }).id_token);
    expect(claims).toMatchObject({ iss: portalIssuer, aud: PORTAL_CLIENT_ID });
    expect(claims).not.toHaveProperty('nbf');
  });

  it("accepts portal tokens only, with the portal authorizer's configuration", async () => {
    const discovery = (await (await fetch(`${portalIssuer}/.well-known/openid-configuration`)).json()) as {
      issuer: string;
      jwks_uri: string;
    };
    expect(discovery.issuer).toBe(portalIssuer);
    // The runtime wires the portal routes' authorizer exactly so.
    const portal = jwtAuthorizer({ issuer: discovery.issuer, jwksUri: discovery.jwks_uri, audience: PORTAL_CLIENT_ID });

    const claims = await portal(bearer(await runtime.token(CUSTOMER1)));
    expect(claims).toMatchObject({ email: CUSTOMER1, aud: PORTAL_CLIENT_ID });
    expect(claims?.['custom:contactId']).toEqual(expect.any(String));

    expect(await portal(bearer(await runtime.token(ADMIN)))).toBeUndefined();
    expect(await portal(bearer(await runtime.token(ADMIN, { audience: PORTAL_CLIENT_ID })))).toBeUndefined();
    expect(
      await portal(bearer(await runtime.token(ADMIN, { audience: PORTAL_CLIENT_ID, issuer: portalIssuer }))),
    ).toBeUndefined();
    expect(await portal(bearer(await runtime.token(CUSTOMER1, { expiresInSeconds: -1 })))).toBeUndefined();
    expect(await portal(bearer(await runtime.token(CUSTOMER1, { notBeforeSeconds: 300 })))).toBeUndefined();
  });
});

/** Sign-in on a pool of this file's runtime (test/support/staff-sign-in.ts does the PKCE steps). */
const signIn = (pool: Pool, email: string, password?: string) => signInThroughPool(runtime, pool, email, password);

describe('signing in on each pool', () => {
  it('signs a customer in to the portal; the ID token carries the contact and opens no staff route', async () => {
    const { idToken } = await signIn(PORTAL_POOL, CUSTOMER2);
    const claims = decodeJwt(idToken!);
    expect(claims).toMatchObject({ iss: portalIssuer, aud: PORTAL_CLIENT_ID, email: CUSTOMER2 });
    expect(claims['custom:contactId']).toBe(decodeJwt(await runtime.token(CUSTOMER2))['custom:contactId']);
    expect(claims).not.toHaveProperty('cognito:groups');
    expect((await call('GET', '/api/contacts', bearer(idToken!))).status).toBe(401);
  });

  it('signs a staff user in to the console; the ID token opens staff routes', async () => {
    const { idToken } = await signIn(STAFF_POOL, SALES);
    expect(decodeJwt(idToken!)).toMatchObject({
      iss: staffIssuer,
      aud: CONSOLE_CLIENT_ID,
      'cognito:groups': ['sales'],
    });
    expect((await call('GET', '/api/contacts', bearer(idToken!))).status).toBe(200);
  });

  it('refuses a staff user on the portal sign-in page and a customer on the console one', async () => {
    const staffOnPortal = await signIn(PORTAL_POOL, ADMIN);
    expect(staffOnPortal.status).toBe(401);
    expect(staffOnPortal.page).toContain('Wrong e-mail or password');
    expect((await signIn(STAFF_POOL, CUSTOMER1)).status).toBe(401);
  });

  it('refuses a wrong password', async () => {
    expect((await signIn(PORTAL_POOL, CUSTOMER1, 'guess')).status).toBe(401);
  });

  it("does not know the other pool's client", async () => {
    const res = await fetch(
      `${portalIssuer}/auth?client_id=${CONSOLE_CLIENT_ID}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(`${runtime.baseUrl}/app/callback`)}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('client');
  });
});
