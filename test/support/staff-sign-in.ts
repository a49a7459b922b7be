import { createHash, randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import { CONSOLE_CLIENT_ID, PORTAL_CLIENT_ID } from '../../infra/local/oidc.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { LOCAL_PASSWORD } from '../../infra/local/staff-users.js';

/** A sign-in pool of the local provider: the staff pool (console) or the portal pool. */
export interface Pool {
  mount: '/oidc' | '/oidc-portal';
  clientId: string;
  appPath: '/app' | '/portal';
}
export const STAFF_POOL: Pool = { mount: '/oidc', clientId: CONSOLE_CLIENT_ID, appPath: '/app' };
export const PORTAL_POOL: Pool = { mount: '/oidc-portal', clientId: PORTAL_CLIENT_ID, appPath: '/portal' };

/**
 * Signs a user in over HTTP as the SPA's browser does: authorization code + PKCE through the
 * pool's real sign-in page, checking each step. Answers the ID token, or the status and page of
 * a refused sign-in. When the page asks for the authenticator code (a user with TOTP), `totp`
 * gives it; without one the answer is the code page (`codeAsked`).
 */
export async function signInThroughPool(
  runtime: Runtime,
  pool: Pool,
  email: string,
  password = LOCAL_PASSWORD,
  totp?: string,
): Promise<{ status: number; page?: string; idToken?: string; codeAsked?: boolean }> {
  const base = runtime.baseUrl;
  const jar = new Map<string, string>();
  const get = async (url: string | URL, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
      },
    });
    for (const cookie of res.headers.getSetCookie()) {
      const [pair = ''] = cookie.split(';');
      const at = pair.indexOf('=');
      const value = pair.slice(at + 1);
      if (value === '') jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), value);
    }
    return res;
  };
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${base}${pool.appPath}/callback`;
  const authorize = new URL(`${base}${pool.mount}/auth`);
  authorize.search = new URLSearchParams({
    client_id: pool.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'state-1',
  }).toString();

  let res = await get(authorize);
  expect(res.status).toBe(303);
  const interaction = new URL(res.headers.get('location')!, base);
  expect(interaction.pathname.startsWith(`${pool.mount}/interaction/`)).toBe(true);
  res = await get(interaction);
  expect(res.status).toBe(200);
  res = await get(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (res.status === 200) {
    const page = await res.text();
    if (!page.includes('name="code"')) return { status: res.status, page };
    if (totp === undefined) return { status: res.status, page, codeAsked: true };
    res = await get(interaction, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: totp }).toString(),
    });
  }
  if (res.status < 300 || res.status >= 400) return { status: res.status, page: await res.text() };

  let location = res.headers.get('location')!;
  for (let hop = 0; hop < 5 && !location.startsWith(redirectUri); hop++) {
    res = await get(new URL(location, base));
    location = res.headers.get('location')!;
  }
  const code = new URL(location).searchParams.get('code');
  expect(code).toBeTruthy();
  const token = await fetch(`${base}${pool.mount}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: code!,
      redirect_uri: redirectUri,
      client_id: pool.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  expect(token.status).toBe(200);
  return { status: 200, idToken: ((await token.json()) as { id_token: string }).id_token };
}

/** A staff sign-in through the console's pool (with the authenticator code, when asked for one). */
export function staffSignIn(runtime: Runtime, email: string, password: string, totp?: string) {
  return signInThroughPool(runtime, STAFF_POOL, email, password, totp);
}

export interface Mail {
  destination: { to: string[] };
  subject: string;
  body: { html?: string; text?: string };
}

/** Every e-mail the local SES endpoint received (its store, as JSON). */
export async function mailbox(runtime: Runtime): Promise<Mail[]> {
  const res = await fetch(`${runtime.mailboxUrl}store`);
  return ((await res.json()) as { emails: Mail[] }).emails;
}

/** The set-password link of the newest invitation e-mail sent to `email`. */
export async function invitationLink(runtime: Runtime, email: string): Promise<string | undefined> {
  const mails = (await mailbox(runtime)).filter((m) => m.destination.to.includes(email));
  const text = mails.at(-1)?.body.text ?? '';
  return /https?:\/\/\S+\/oidc\/set-password\?token=[\w%-]+/.exec(text)?.[0];
}

/** Submits the set-password form of an invitation link, as the invitee's browser would. */
export async function setPassword(
  link: string,
  password: string,
  confirm = password,
): Promise<{ status: number; page: string }> {
  const token = new URL(link).searchParams.get('token') ?? '';
  const res = await fetch(new URL('/oidc/set-password', link), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ token, password, confirm }).toString(),
  });
  return { status: res.status, page: await res.text() };
}
