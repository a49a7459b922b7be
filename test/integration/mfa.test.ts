import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { LOCAL_PASSWORD, STAFF_USERS } from '../../infra/local/staff-users.js';
import type { AuditEntry } from '../../shared/domain/audit/audit.schema.js';
import type { MfaStatus, TotpSetup, UserSummary } from '../../shared/domain/users/user.schema.js';
import { totpCode } from '../../shared/identity/local-user-store.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import { staffSignIn } from '../support/staff-sign-in.js';

/**
 * TOTP enrolment with local enforcement on (as in AWS): an admin without TOTP is refused every
 * route but /api/me and enrolment, enrols, signs in with a code, and is allowed again.
 */

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const ADMIN = 'admin@cirrus.local';
const SYSADMIN = 'sysadmin@cirrus.local';
const ADMIN_ID = STAFF_USERS.find((u) => u.email === ADMIN)!.id;
/** A code of the next 30-second step: accepted (one step of drift), and newer than a code used now. */
const nextCode = (secret: string) => totpCode(secret, new Date(Date.now() + 30_000));

let runtime: Runtime;

beforeAll(async () => {
  runtime = await startTestRuntime({ enforceMfa: true });
});
afterAll(async () => {
  await runtime?.stop();
});

async function signedInApi(email: string, totp?: string): Promise<{ api: Api; claims: Record<string, unknown> }> {
  const out = await staffSignIn(runtime, email, LOCAL_PASSWORD, totp);
  expect(out.status, out.page).toBe(200);
  return { api: apiAs(runtime, { token: out.idToken! }), claims: decodeJwt(out.idToken!) };
}

describe('an admin without TOTP, enforcement on', () => {
  it('signs in with a password alone, and the token is marked for enrolment', async () => {
    const { claims } = await signedInApi(ADMIN);
    expect(claims['custom:mfa_enrol']).toBe('true');
  });

  it('is refused every other route with 403 mfa_enrolment_required, and the table is untouched', async () => {
    const admin = apiAs(runtime, ADMIN);
    for (const path of ['/api/contacts', '/api/users', '/api/audit', '/api/teams']) {
      const res = await admin.get<ErrorBody>(path);
      expect([path, res.status, res.body.error.code]).toEqual([path, 403, 'mfa.enrolment_required']);
    }
    const write = await admin.post<ErrorBody>('/api/contacts', { firstName: 'Not', lastName: 'Created' });
    expect([write.status, write.body.error.code]).toEqual([403, 'mfa.enrolment_required']);
  });

  it('still gets /api/me (which says enrolment is required) and its MFA status', async () => {
    const admin = apiAs(runtime, ADMIN);
    const me = await admin.get<{ id: string; mfaEnrolmentRequired: boolean }>('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ADMIN_ID, mfaEnrolmentRequired: true });
    const status = await admin.get<MfaStatus>('/api/me/mfa');
    expect(status.body).toEqual({ required: true, enrolled: false, enrolmentPending: true });
  });

  it('marks a sysadmin too, but not a sales rep (whose routes work)', async () => {
    expect((await signedInApi(SYSADMIN)).claims['custom:mfa_enrol']).toBe('true');
    const sales = await signedInApi('sales1@cirrus.local');
    expect(sales.claims['custom:mfa_enrol']).toBeUndefined();
    expect((await sales.api.get('/api/contacts')).status).toBe(200);
    expect((await sales.api.get<MfaStatus>('/api/me/mfa')).body).toMatchObject({ required: false, enrolled: false });
  });
});

describe('enrolment', () => {
  let setup: TotpSetup;

  it('refuses a code before the set-up started (409), and validates the code (400)', async () => {
    const admin = apiAs(runtime, ADMIN);
    const early = await admin.post<ErrorBody>('/api/me/mfa/totp/verify', { code: '123456' });
    expect([early.status, early.body.error.code]).toEqual([409, 'mfa.not_started']);
    const malformed = await admin.post<ErrorBody>('/api/me/mfa/totp/verify', { code: '12ab' });
    expect([malformed.status, Object.keys(malformed.body.error.fields ?? {})]).toEqual([400, ['code']]);
    const extra = await admin.post<ErrorBody>('/api/me/mfa/totp', { secret: 'mine' });
    expect(extra.status).toBe(400);
  });

  it('begins: a base32 secret and its otpauth URI for the QR code', async () => {
    const res = await apiAs(runtime, ADMIN).post<TotpSetup>('/api/me/mfa/totp', {});
    expect(res.status).toBe(200);
    setup = res.body;
    expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(setup.otpauthUri);
    expect([uri.protocol, uri.host, uri.searchParams.get('secret')]).toEqual(['otpauth:', 'totp', setup.secret]);
    expect(decodeURIComponent(uri.pathname)).toBe(`/Cirrus CRM:${ADMIN}`);
  });

  it('refuses a wrong code, naming the field, and TOTP is not in force', async () => {
    const wrong = String((Number(totpCode(setup.secret)) + 1) % 1_000_000).padStart(6, '0');
    const res = await apiAs(runtime, ADMIN).post<ErrorBody>('/api/me/mfa/totp/verify', { code: wrong });
    expect([res.status, res.body.error.code, Object.keys(res.body.error.fields!)]).toEqual([
      400,
      'mfa.code_invalid',
      ['code'],
    ]);
    // Still a password-only sign-in.
    expect((await staffSignIn(runtime, ADMIN, LOCAL_PASSWORD)).codeAsked).toBeUndefined();
  });

  it('verifies the current code: enrolled, on the profile and in the audit log', async () => {
    const res = await apiAs(runtime, ADMIN).post<MfaStatus>('/api/me/mfa/totp/verify', {
      code: totpCode(setup.secret),
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ required: true, enrolled: true });

    const sales = await signedInApi('sales1@cirrus.local');
    expect((await sales.api.get('/api/users')).status).toBe(403);
    const { api: admin } = await signedInApi(ADMIN, nextCode(setup.secret));
    const users = await admin.get<Listed<UserSummary>>('/api/users');
    expect(users.body.items.find((u) => u.id === ADMIN_ID)).toMatchObject({ mfa: 'totp' });
    const audit = await admin.get<Listed<AuditEntry>>(`/api/audit?entity=user&entityId=${ADMIN_ID}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'updated',
      actor: { id: ADMIN_ID },
      changes: [{ field: 'mfa', before: null, after: 'totp' }],
    });
  });
});

describe('signing in with TOTP in force', () => {
  let secret: string;

  beforeAll(async () => {
    // The sysadmin enrols here, so this block does not depend on codes the admin already used.
    const sysadmin = apiAs(runtime, SYSADMIN);
    secret = (await sysadmin.post<TotpSetup>('/api/me/mfa/totp', {})).body.secret;
    expect((await sysadmin.post('/api/me/mfa/totp/verify', { code: totpCode(secret) })).status).toBe(200);
  });

  it('asks for the code after the password', async () => {
    const out = await staffSignIn(runtime, SYSADMIN, LOCAL_PASSWORD);
    expect(out.codeAsked).toBe(true);
    expect(out.idToken).toBeUndefined();
  });

  it('refuses a wrong code with the code page again, and issues no token', async () => {
    const out = await staffSignIn(runtime, SYSADMIN, LOCAL_PASSWORD, '000000');
    expect(out.status).toBe(401);
    expect(out.page).toContain('name="code"');
    expect(out.idToken).toBeUndefined();
  });

  it('signs in with the right code; the token is no longer marked and every route is back', async () => {
    const code = nextCode(secret);
    const { api, claims } = await signedInApi(SYSADMIN, code);
    expect(claims['custom:mfa_enrol']).toBeUndefined();
    expect((await api.get('/api/users')).status).toBe(200);
    expect((await api.get('/api/me')).body).toMatchObject({ mfaEnrolmentRequired: false });
    // A code works once: the same code again is refused (as Cognito refuses a reused code).
    const replay = await staffSignIn(runtime, SYSADMIN, LOCAL_PASSWORD, code);
    expect(replay.status).toBe(401);
  });

  it('still refuses a wrong password before asking for any code', async () => {
    const out = await staffSignIn(runtime, SYSADMIN, 'wrong-password', nextCode(secret));
    expect(out.status).toBe(401);
    expect(out.codeAsked).toBeUndefined();
  });
});
