import { createHash, randomBytes } from 'node:crypto';
import { CONSOLE_CLIENT_ID } from '../../infra/local/oidc.js';
import type { Runtime } from '../../infra/local/runtime.js';

/**
 * Signs a staff user in over HTTP as the SPA's browser does: authorization code + PKCE through the
 * local provider's real sign-in page. Answers the ID token, or the status and page of a refusal.
 */
export async function staffSignIn(
  runtime: Runtime,
  email: string,
  password: string,
): Promise<{ status: number; page?: string; idToken?: string }> {
  const base = runtime.baseUrl;
  const jar = new Map<string, string>();
  const go = async (url: string | URL, init: RequestInit = {}) => {
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
      if (pair.slice(at + 1) === '') jar.delete(pair.slice(0, at));
      else jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    return res;
  };
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = `${base}/app/callback`;
  const authorize = new URL(`${base}/oidc/auth`);
  authorize.search = new URLSearchParams({
    client_id: CONSOLE_CLIENT_ID,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: 'openid email profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'state-1',
  }).toString();
  let res = await go(authorize);
  const interaction = new URL(res.headers.get('location') ?? '', base);
  res = await go(interaction, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password }).toString(),
  });
  if (res.status < 300 || res.status >= 400) return { status: res.status, page: await res.text() };
  let location = res.headers.get('location') ?? '';
  for (let hop = 0; hop < 5 && !location.startsWith(redirectUri); hop++) {
    res = await go(new URL(location, base));
    location = res.headers.get('location') ?? '';
  }
  const code = new URL(location).searchParams.get('code') ?? '';
  const token = await fetch(`${base}/oidc/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: CONSOLE_CLIENT_ID,
      code_verifier: verifier,
    }).toString(),
  });
  if (token.status !== 200) return { status: token.status, page: await token.text() };
  return { status: 200, idToken: ((await token.json()) as { id_token: string }).id_token };
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
