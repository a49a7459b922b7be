import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { aContact } from '../support/fixtures.js';
import { apiAs, startTestRuntime } from '../support/runtime.js';

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime();
});
afterAll(async () => {
  await runtime?.stop();
});

function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
}

describe('authentication at the gateway, as the JWT authorizer does', () => {
  it('serves the health check without a token', async () => {
    const res = await apiAs(runtime, null).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok' });
    expect(typeof res.body.version).toBe('string');
  });

  // Expired, forged, unsigned, tampered and misdirected tokens: see tokens.test.ts.
  it('answers 401 without a token', async () => {
    expect((await apiAs(runtime, null).get('/api/contacts')).status).toBe(401);
  });

  it('issues tokens with the claims Cognito puts in an ID token', async () => {
    const claims = decodePayload(await runtime.token('manager@cirrus.local'));
    expect(claims).toMatchObject({ email: 'manager@cirrus.local', 'cognito:groups': ['manager'], token_use: 'id' });
    expect(typeof claims.sub).toBe('string');
    expect(typeof claims.name).toBe('string');
  });

  it('refuses /local/token for someone who is not a seeded user', async () => {
    const res = await fetch(`${runtime.baseUrl}/local/token`, {
      method: 'POST',
      body: JSON.stringify({ email: 'eve@evil.test' }),
    });
    expect(res.status).toBe(400);
  });
});

describe('permissions from the route declaration', () => {
  it.each(['support', 'marketing', 'finance', 'sysadmin'])(
    'lets %s read contacts but answers 403 to a create',
    async (role) => {
      const api = apiAs(runtime, `${role}@cirrus.local`);
      expect((await api.get('/api/contacts')).status).toBe(200);
      const res = await api.post<{ error: { code: string } }>('/api/contacts', aContact());
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('auth.forbidden');
    },
  );

  it('answers 403 to anyone but an admin defining a custom field', async () => {
    const body = { entity: 'contact', key: 'nickname', label: 'Nickname', type: 'text' };
    expect((await apiAs(runtime, 'manager@cirrus.local').post('/api/custom-fields', body)).status).toBe(403);
    expect((await apiAs(runtime, 'admin@cirrus.local').post('/api/custom-fields', body)).status).toBe(201);
  });

  it('tells the console who is signed in and what they may do', async () => {
    const me = await apiAs(runtime, 'sales2@cirrus.local').get<{ roles: string[]; permissions: string[] }>('/api/me');
    expect(me.body.roles).toEqual(['sales']);
    expect(me.body.permissions).toContain('contacts:write');
    expect(me.body.permissions).not.toContain('customFields:manage');
  });
});
