import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { LOCAL_PASSWORD, STAFF_USERS } from '../../infra/local/staff-users.js';
import type { AuditEntry } from '../../shared/domain/audit/audit.schema.js';
import type { UserSummary } from '../../shared/domain/users/user.schema.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';
import { invitationLink, mailbox, setPassword, staffSignIn } from '../support/staff-sign-in.js';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const PASSWORD = 'Correct-Horse-42';
const ADMIN_ID = STAFF_USERS.find((u) => u.email === 'admin@cirrus.local')!.id;

let runtime: Runtime;
let admin: Api;
let sysadmin: Api;
/** The instant the local provider signs users in at: now, unless a test chooses one (`signInAt`). */
let signInInstant: Date | undefined;

const anInvite = (overrides: Record<string, unknown> = {}) => {
  const n = randomUUID().slice(0, 8);
  return { email: `new.${n}@cirrus.local`, name: `New Person ${n}`, role: 'sales', ...overrides };
};

async function invited(body = anInvite()): Promise<UserSummary & { email: string }> {
  const res = await admin.post<UserSummary>('/api/users', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { ...res.body, email: body.email as string };
}

async function userOf(id: string): Promise<UserSummary> {
  const res = await admin.get<Listed<UserSummary>>('/api/users');
  return res.body.items.find((u) => u.id === id)!;
}

/** Signs a seeded user in on the local provider as if it were `at` (its injected clock). */
async function signInAt(at: Date, email: string) {
  signInInstant = at;
  try {
    return await staffSignIn(runtime, email, LOCAL_PASSWORD);
  } finally {
    signInInstant = undefined;
  }
}

beforeAll(async () => {
  runtime = await startTestRuntime({ clock: () => signInInstant ?? new Date() });
  admin = apiAs(runtime, 'admin@cirrus.local');
  sysadmin = apiAs(runtime, 'sysadmin@cirrus.local');
});
afterAll(async () => {
  await runtime?.stop();
});

describe('listing users', () => {
  it('lists every seeded user with role, teams, status and version', async () => {
    const res = await sysadmin.get<Listed<UserSummary>>('/api/users');
    expect(res.status).toBe(200);
    const adminRow = res.body.items.find((u) => u.email === 'admin@cirrus.local');
    expect(adminRow).toMatchObject({ id: ADMIN_ID, role: 'admin', status: 'active', teamIds: [], version: 1 });
    expect(res.body.items.length).toBeGreaterThanOrEqual(STAFF_USERS.length);
  });

  it('the staff directory says who is active; owner pickers ask for active users only', async () => {
    const pending = await invited();
    type Member = { id: string; status: string } & Record<string, unknown>;
    const all = (await apiAs(runtime, 'sales1@cirrus.local').get<{ items: Member[] }>('/api/staff')).body.items;
    expect(all.find((m) => m.id === pending.id)).toMatchObject({ status: 'invited' });
    expect(all.find((m) => m.id === ADMIN_ID)).toMatchObject({ status: 'active' });
    // Nothing of the account's security or activity reaches every staff member.
    expect(Object.keys(all[0]!).sort()).toEqual(['email', 'id', 'name', 'roles', 'status', 'teamIds']);
    const active = (await apiAs(runtime, 'sales1@cirrus.local').get<{ items: Member[] }>('/api/staff?status=active'))
      .body.items;
    expect(active.map((m) => m.id)).not.toContain(pending.id);
    expect(active.every((m) => m.status === 'active')).toBe(true);
    expect((await admin.get('/api/staff?status=gone')).status).toBe(400);
  });

  it('records the last sign-in when a user signs in on the provider', async () => {
    const signedIn = await staffSignIn(runtime, 'finance@cirrus.local', LOCAL_PASSWORD);
    expect(signedIn.status).toBe(200);
    const finance = STAFF_USERS.find((u) => u.email === 'finance@cirrus.local')!;
    const row = await userOf(finance.id);
    expect(Date.now() - Date.parse(row.lastSignInAt!)).toBeLessThan(60_000);
  });

  it('never moves the last sign-in back: a sign-in recorded with an older time leaves the newer one', async () => {
    const support = STAFF_USERS.find((u) => u.email === 'support@cirrus.local')!;
    const [older, newer, latest] = ['2031-03-01', '2031-03-02', '2031-03-03'].map(
      (d) => new Date(`${d}T09:00:00.000Z`),
    );

    expect((await signInAt(newer!, support.email)).status).toBe(200);
    expect((await userOf(support.id)).lastSignInAt).toBe(newer!.toISOString());
    // A late record of an earlier sign-in (the trigger's retry, an out-of-order delivery) changes nothing.
    expect((await signInAt(older!, support.email)).status).toBe(200);
    expect((await userOf(support.id)).lastSignInAt).toBe(newer!.toISOString());
    expect((await signInAt(latest!, support.email)).status).toBe(200);
    expect((await userOf(support.id)).lastSignInAt).toBe(latest!.toISOString());
  });
});

describe('inviting a user', () => {
  it('mails a set-password link; after setting it the invitee signs in with the given role', async () => {
    const user = await invited(anInvite({ role: 'support' }));
    expect(user).toMatchObject({ role: 'support', status: 'invited', version: 1 });

    const link = await invitationLink(runtime, user.email);
    expect(link).toMatch(/\/oidc\/set-password\?token=/);
    // Before the password is set there is nothing to sign in with.
    expect((await staffSignIn(runtime, user.email, PASSWORD)).status).toBe(401);

    const form = await fetch(link!);
    expect(form.status).toBe(200);
    expect(await form.text()).toContain(user.email);
    expect((await setPassword(link!, PASSWORD)).status).toBe(200);

    const signedIn = await staffSignIn(runtime, user.email, PASSWORD);
    expect(signedIn.status).toBe(200);
    const claims = decodeJwt(signedIn.idToken!);
    expect(claims).toMatchObject({ sub: user.id, email: user.email, 'cognito:groups': ['support'] });
    const me = await apiAs(runtime, { token: signedIn.idToken! }).get<{ roles: string[] }>('/api/me');
    expect(me.body.roles).toEqual(['support']);
    expect(await userOf(user.id)).toMatchObject({ status: 'active', version: 2 });
  });

  it('accepts a set-password link once only', async () => {
    const user = await invited();
    const link = (await invitationLink(runtime, user.email))!;
    expect((await setPassword(link, PASSWORD)).status).toBe(200);
    const again = await setPassword(link, 'Another-Pass-99');
    expect(again.status).toBe(400);
    expect(again.page).toContain('invitation-invalid');
    expect((await staffSignIn(runtime, user.email, 'Another-Pass-99')).status).toBe(401);
  });

  it('refuses a weak or mistyped password and keeps the link usable', async () => {
    const user = await invited();
    const link = (await invitationLink(runtime, user.email))!;
    expect((await setPassword(link, 'short')).status).toBe(400);
    expect((await setPassword(link, PASSWORD, 'Correct-Horse-43')).status).toBe(400);
    expect((await setPassword(link, PASSWORD)).status).toBe(200);
  });

  it('refuses an e-mail that is already a staff user with 409 naming email', async () => {
    const res = await admin.post<ErrorBody>('/api/users', anInvite({ email: 'sales1@cirrus.local' }));
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toHaveProperty('email');
  });

  it.each([
    ['email', { email: 'not-an-address' }],
    ['name', { name: '' }],
    ['role', { role: 'owner' }],
  ])('rejects a bad %s with 400 naming the field, and sends nothing', async (field, override) => {
    const before = (await mailbox(runtime)).length;
    const res = await admin.post<ErrorBody>('/api/users', anInvite(override));
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty(field);
    expect((await mailbox(runtime)).length).toBe(before);
  });

  it('answers a retried invitation with the same Idempotency-Key once, with the same user', async () => {
    const body = anInvite();
    const key = { 'idempotency-key': `invite-${randomUUID()}` };
    const first = await admin.post<UserSummary>('/api/users', body, key);
    const second = await admin.post<UserSummary>('/api/users', body, key);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    const mails = (await mailbox(runtime)).filter((m) => m.destination.to.includes(body.email));
    expect(mails).toHaveLength(1);
  });

  it('lets only an admin invite an admin (a sysadmin cannot)', async () => {
    const res = await sysadmin.post<ErrorBody>('/api/users', anInvite({ role: 'admin' }));
    expect(res.status).toBe(403);
    expect(res.body.error.fields).toHaveProperty('role');
  });
});

describe('changing role and status', () => {
  it('changes the role: the next token carries the new role, and the change is audited', async () => {
    const user = await invited(anInvite({ role: 'sales' }));
    const res = await admin.patch<UserSummary>(`/api/users/${user.id}`, { role: 'marketing', version: 1 });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ role: 'marketing', version: 2 });
    expect(decodeJwt(await runtime.token(user.email))['cognito:groups']).toEqual(['marketing']);

    const audit = await admin.get<Listed<AuditEntry>>(`/api/audit?entity=user&entityId=${user.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['updated', 'created']);
    expect(audit.body.items[0]!.changes).toEqual([{ field: 'role', before: 'sales', after: 'marketing' }]);
  });

  it('disables a user: sign-in and /local/token are refused; enabling lets them in again', async () => {
    const user = await invited();
    await setPassword((await invitationLink(runtime, user.email))!, PASSWORD);
    const { version } = await userOf(user.id);

    const off = await sysadmin.patch<UserSummary>(`/api/users/${user.id}`, { status: 'disabled', version });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    expect(off.body.status).toBe('disabled');
    expect((await staffSignIn(runtime, user.email, PASSWORD)).status).toBe(401);
    const local = await fetch(`${runtime.baseUrl}/local/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email }),
    });
    expect(local.status).toBe(400);

    const on = await sysadmin.patch<UserSummary>(`/api/users/${user.id}`, { status: 'active', version: version + 1 });
    expect(on.body.status).toBe('active');
    expect((await staffSignIn(runtime, user.email, PASSWORD)).status).toBe(200);
  });

  it('rejects a stale version with 409', async () => {
    const user = await invited();
    await admin.patch(`/api/users/${user.id}`, { role: 'finance', version: 1 });
    const stale = await admin.patch<ErrorBody>(`/api/users/${user.id}`, { role: 'support', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('request.stale_version');
  });

  it('refuses an admin disabling themselves with 400 naming status', async () => {
    const me = await userOf(ADMIN_ID);
    const res = await admin.patch<ErrorBody>(`/api/users/${ADMIN_ID}`, { status: 'disabled', version: me.version });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('status');
  });

  it('refuses removing the last admin with 409 naming role', async () => {
    const me = await userOf(ADMIN_ID);
    const res = await admin.patch<ErrorBody>(`/api/users/${ADMIN_ID}`, { role: 'sales', version: me.version });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'user.last_admin', fields: { role: expect.any(String) } });
  });

  it('answers 404 for an unknown user and 400 naming the field for bad input', async () => {
    expect((await admin.patch(`/api/users/nobody-here`, { role: 'sales', version: 1 })).status).toBe(404);
    const bad = await admin.patch<ErrorBody>(`/api/users/${ADMIN_ID}`, { status: 'gone', version: 1 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toHaveProperty('status');
    const noVersion = await admin.patch<ErrorBody>(`/api/users/${ADMIN_ID}`, { role: 'sales' });
    expect(noVersion.body.error.fields).toHaveProperty('version');
  });

  it.each(['manager', 'sales', 'support', 'marketing', 'finance'])('answers 403 to a %s', async (role) => {
    const who = apiAs(runtime, STAFF_USERS.find((u) => u.roles[0] === role)!.email);
    expect((await who.get('/api/users')).status).toBe(403);
    expect((await who.post('/api/users', anInvite())).status).toBe(403);
    expect((await who.patch(`/api/users/${ADMIN_ID}`, { role: 'sales', version: 1 })).status).toBe(403);
  });
});
