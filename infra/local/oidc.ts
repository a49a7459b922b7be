import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { signInPage } from './sign-in-page.js';
import { findLocalUser, LOCAL_PASSWORD, type LocalUser, STAFF_USERS } from './staff-users.js';

/**
 * The local OpenID Connect provider: plays the Cognito staff user pool. It issues ID tokens with
 * the claims Cognito puts in them (sub, email, name, cognito:groups) to the console's public
 * client, which signs in with authorization code + PKCE.
 */
export const CONSOLE_CLIENT_ID = 'cirrus-console';
export const SCOPE = 'openid email profile';

export interface LocalOidc {
  issuer: string;
  jwksUri: string;
  clientId: string;
  /** Handles a request under /oidc. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Mints an ID token for a seeded user, as the hosted UI would after sign-in (scripts and tests only). */
  mintToken(email: string, options?: { expiresInSeconds?: number }): Promise<string | undefined>;
}

export interface OidcOptions {
  baseUrl: string;
  /** Where the signing key is kept across restarts; undefined = a fresh key each start. */
  keyFile?: string;
  idTokenSeconds?: number;
}

export async function startLocalOidc(options: OidcOptions): Promise<LocalOidc> {
  const issuer = `${options.baseUrl}/oidc`;
  const jwk = await signingKey(options.keyFile);
  const idTokenTtl = options.idTokenSeconds ?? 3600;

  const claimsOf = (u: LocalUser) => ({
    sub: u.id,
    email: u.email,
    email_verified: true,
    name: u.name,
    'cognito:groups': u.roles,
  });

  const configuration: Configuration = {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${options.baseUrl}/app/callback`],
        post_logout_redirect_uris: [`${options.baseUrl}/app/`],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    claims: { openid: ['sub', 'cognito:groups'], email: ['email', 'email_verified'], profile: ['name'] },
    // Put the profile claims into the ID token itself, as Cognito does.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const user = STAFF_USERS.find((u) => u.id === id);
      return user ? { accountId: user.id, claims: async () => claimsOf(user) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `/oidc/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The console's own "Sign out" button is the confirmation: submit the provider's form at once.
        logoutSource: async (ctx, form) => {
          // logout=yes ends the provider session too, not just the console's.
          const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
          ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Signing out…</title></head><body>${confirmed}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    pkce: { required: () => true },
    ttl: {
      IdToken: idTokenTtl,
      AccessToken: idTokenTtl,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html><body><h1>Sign-in error</h1><p>${String(out.error_description ?? out.error).replace(/[<>&]/g, '')}</p><p><a href="/app/">Back to Cirrus CRM</a></p></body></html>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      send(res, 200, signInPage({ action: `/oidc/interaction/${uid}`, users: STAFF_USERS }));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const user = findLocalUser(form.get('email') ?? '');
    if (!user || form.get('password') !== LOCAL_PASSWORD) {
      send(
        res,
        401,
        signInPage({
          action: `/oidc/interaction/${uid}`,
          users: STAFF_USERS,
          error: true,
          email: form.get('email') ?? '',
        }),
      );
      return;
    }
    const grant = new provider.Grant({ accountId: user.id, clientId: String(details.params.client_id) });
    grant.addOIDCScope(SCOPE);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId: user.id }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const privateKey = await importJWK(jwk, 'RS256');
  return {
    issuer,
    jwksUri: `${issuer}/jwks`,
    clientId: CONSOLE_CLIENT_ID,
    handle(req, res) {
      const original = req.url ?? '/';
      const match = /^\/oidc\/interaction\/([\w-]+)/.exec(original);
      if (match) {
        interaction(req, res, match[1]!).catch((error: Error) =>
          send(res, 400, `<p>Sign-in failed: ${error.name}. <a href="/app/">Start again</a></p>`),
        );
        return;
      }
      // Mount under /oidc: the provider derives its mount path from originalUrl vs url.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice('/oidc'.length) || '/';
      callback(req, res);
    },
    async mintToken(email, opts) {
      const user = findLocalUser(email);
      if (!user) return undefined;
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claimsOf(user), token_use: 'id', auth_time: now })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setAudience(CONSOLE_CLIENT_ID)
        .setSubject(user.id)
        .setIssuedAt(now)
        .setExpirationTime(now + (opts?.expiresInSeconds ?? idTokenTtl))
        .sign(privateKey);
    },
  };
}

async function signingKey(keyFile: string | undefined): Promise<JWK & { kid: string }> {
  if (keyFile && existsSync(keyFile)) return JSON.parse(readFileSync(keyFile, 'utf8'));
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomBytes(8).toString('hex'), alg: 'RS256', use: 'sig' };
  if (keyFile) {
    mkdirSync(dirname(keyFile), { recursive: true });
    writeFileSync(keyFile, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

function send(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(html);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
