import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import Provider, { type Configuration } from 'oidc-provider';
import { getStaffProfile, recordSignIn, type StaffProfile, staffIdByEmail } from '../../shared/db/users.repository.js';
import {
  authenticateStaff,
  canSignIn,
  checkLocalTotp,
  localTotpEnabled,
} from '../../shared/identity/local-user-store.js';
import { MFA_ENROL_CLAIM, mustUseMfa } from '../../shared/identity/mfa.js';
import { findPortalUser, type LocalPortalUser, PORTAL_USERS, portalLinkOf } from './portal-users.js';
import { setPasswordRoute } from './set-password-page.js';
import { type SignInChoice, signInPage, totpPage } from './sign-in-page.js';
import { LOCAL_PASSWORD, STAFF_USERS } from './staff-users.js';

/**
 * The local OpenID Connect providers: they play the two Cognito user pools. Like two pools, they
 * are two issuers with their own signing keys and their own SPA client:
 *  - staff  (`/oidc`, client `cirrus-console`): ID tokens with sub, email, name, cognito:groups;
 *  - portal (`/oidc-portal`, client `cirrus-portal`): ID tokens with sub, email, name and the
 *    linked contact in `custom:contactId`, as the portal pool's custom attribute would carry it.
 * A staff token therefore fails the portal authorizer three ways (issuer, audience, signature),
 * and a portal token the staff one. Both sign in with authorization code + PKCE.
 */
export const CONSOLE_CLIENT_ID = 'cirrus-console';
export const PORTAL_CLIENT_ID = 'cirrus-portal';
export const SCOPE = 'openid email profile';

export type TokenAudience = 'staff' | 'portal';

/** Where the local invitation e-mail sends an invitee to choose a password. */
export const SET_PASSWORD_PATH = '/oidc/set-password';

/** What an authorizer (and the SPA's config) needs to know of one pool. */
export interface LocalIssuer {
  issuer: string;
  jwksUri: string;
  clientId: string;
}

export interface MintOptions {
  /** Lifetime from now; negative mints an already expired token. */
  expiresInSeconds?: number;
  /** `nbf` this many seconds from now (a token not yet valid). */
  notBeforeSeconds?: number;
  /** In-process tests only (never reachable over HTTP): a wrong `aud` or `iss`, signed with the genuine key. */
  audience?: string;
  issuer?: string;
}

export interface LocalOidc {
  staff: LocalIssuer;
  portal: LocalIssuer;
  /** Whether a request path belongs to one of the providers (/oidc/*, /oidc-portal/*). */
  owns(path: string): boolean;
  handle(req: IncomingMessage, res: ServerResponse): void;
  /**
   * Mints an ID token for a seeded user, as the hosted UI would after sign-in (scripts and tests
   * only): a staff user gets a staff-pool token, a portal customer a portal-pool token.
   */
  mintToken(email: string, options?: MintOptions): Promise<string | undefined>;
}

export interface OidcOptions {
  baseUrl: string;
  /** Where the signing keys are kept across restarts (`<dir>/oidc-*-signing-key.json`); undefined = fresh keys each start. */
  keyDir?: string;
  idTokenSeconds?: number;
  /**
   * Enforce MFA for admins and sysadmins as the pre-token-generation trigger does in AWS: their
   * tokens carry `custom:mfa_enrol` until they set up TOTP. Off by default, so the seeded admin
   * of the demo signs in with a password alone; a user who did enrol is asked for a code either way.
   */
  enforceMfa?: boolean;
  /** The instant of a sign-in: when its TOTP code must be valid and the time it records (tests inject one). */
  clock?: () => Date;
}

/** One local user pool: its issuer, client, sign-in page and accounts. */
interface Pool extends LocalIssuer {
  mount: string;
  handle(req: IncomingMessage, res: ServerResponse): void;
  mint(accountId: string, options?: MintOptions): Promise<string | undefined>;
}

interface PoolSpec {
  baseUrl: string;
  /** `/oidc` or `/oidc-portal`. */
  mount: string;
  clientId: string;
  /** Where the SPA lives: `/app` or `/portal`. */
  appPath: string;
  subtitle: string;
  choices: readonly SignInChoice[];
  /** The account of these credentials, when they are right and the account may sign in. */
  authenticate(email: string, password: string): Promise<string | undefined>;
  /** A second factor the account has in force (TOTP): asked after the password. */
  secondFactor?: {
    enabled(accountId: string): Promise<boolean>;
    check(accountId: string, code: string): Promise<boolean>;
  };
  /** After both factors: what a post-authentication trigger does in AWS. */
  signedIn?(accountId: string): Promise<void>;
  claimsOf(accountId: string): Promise<Record<string, unknown> | undefined>;
  /** Which claims each scope releases. */
  scopeClaims: Record<string, string[]>;
  cookiePrefix: string;
  keyFile?: string;
  idTokenSeconds: number;
}

export async function startLocalOidc(options: OidcOptions): Promise<LocalOidc> {
  const idTokenSeconds = options.idTokenSeconds ?? 3600;
  const now = options.clock ?? (() => new Date());
  const keyFile = (name: string) => (options.keyDir ? `${options.keyDir}/${name}` : undefined);

  // The profile in the table is the local account: current roles, and no token once disabled.
  const staffClaims = async (u: StaffProfile) => ({
    sub: u.id,
    email: u.email,
    email_verified: true,
    name: u.name,
    'cognito:groups': u.roles,
    // What the pre-token-generation trigger adds in AWS: the user's teams, from the profile.
    ...(u.teamIds?.length ? { 'custom:teams': u.teamIds.join(',') } : {}),
    // What the pre-token-generation trigger marks in AWS: an admin or sysadmin without TOTP.
    ...(options.enforceMfa && mustUseMfa(u.roles) && !(await localTotpEnabled(u.id))
      ? { [MFA_ENROL_CLAIM]: 'true' }
      : {}),
  });
  const portalClaims = async (u: LocalPortalUser) => {
    const link = await portalLinkOf(u.id);
    return {
      sub: u.id,
      email: u.email,
      email_verified: true,
      name: u.name,
      // The portal pool's only custom attribute; the company is the contact's, looked up server-side.
      ...(link ? { 'custom:contactId': link.contactId } : {}),
    };
  };

  const staff = await startPool({
    baseUrl: options.baseUrl,
    mount: '/oidc',
    clientId: CONSOLE_CLIENT_ID,
    appPath: '/app',
    subtitle: 'Sign in · 登录',
    choices: STAFF_USERS.map((u) => ({ email: u.email, label: u.roles.join(', ') })),
    authenticate: async (email, password) => (await authenticateStaff(email, password))?.id,
    secondFactor: {
      enabled: (id) => localTotpEnabled(id),
      check: (id, code) => checkLocalTotp(id, code, now()),
    },
    // The post-authentication trigger's own write (only forward in time), as in AWS.
    signedIn: async (id) => {
      await recordSignIn(id, now());
    },
    claimsOf: async (id) => {
      const profile = await getStaffProfile(id);
      return profile && canSignIn(profile) ? staffClaims(profile) : undefined;
    },
    scopeClaims: {
      openid: ['sub', 'cognito:groups', 'custom:teams', MFA_ENROL_CLAIM],
      email: ['email', 'email_verified'],
      profile: ['name'],
    },
    cookiePrefix: '_staff',
    keyFile: keyFile('oidc-signing-key.json'),
    idTokenSeconds,
  });
  const portal = await startPool({
    baseUrl: options.baseUrl,
    mount: '/oidc-portal',
    clientId: PORTAL_CLIENT_ID,
    appPath: '/portal',
    subtitle: 'Customer portal · 客户门户',
    choices: PORTAL_USERS.map((u) => ({ email: u.email, label: 'customer' })),
    authenticate: async (email, password) => (password === LOCAL_PASSWORD ? findPortalUser(email)?.id : undefined),
    claimsOf: async (id) => {
      const user = PORTAL_USERS.find((u) => u.id === id);
      return user && portalClaims(user);
    },
    scopeClaims: { openid: ['sub', 'custom:contactId'], email: ['email', 'email_verified'], profile: ['name'] },
    cookiePrefix: '_portal',
    keyFile: keyFile('oidc-portal-signing-key.json'),
    idTokenSeconds,
  });

  const poolOf = (path: string) => [portal, staff].find((p) => path === p.mount || path.startsWith(`${p.mount}/`));
  const issuerOf = ({ issuer, jwksUri, clientId }: Pool): LocalIssuer => ({ issuer, jwksUri, clientId });
  return {
    staff: issuerOf(staff),
    portal: issuerOf(portal),
    owns: (path) => poolOf(path) !== undefined,
    handle(req, res) {
      const path = new URL(req.url ?? '/', 'http://local').pathname;
      if (path === SET_PASSWORD_PATH) {
        setPasswordRoute(req, res).catch((error: Error) => send(res, 500, `<p>Failed: ${error.name}</p>`));
        return;
      }
      const pool = poolOf(path);
      if (pool) pool.handle(req, res);
      else send(res, 404, '<p>Not Found</p>');
    },
    async mintToken(email, opts) {
      const staffId = await staffIdByEmail(email);
      if (staffId) return staff.mint(staffId, opts);
      const portalId = findPortalUser(email)?.id;
      return portalId ? portal.mint(portalId, opts) : undefined;
    },
  };
}

async function startPool(spec: PoolSpec): Promise<Pool> {
  const issuer = `${spec.baseUrl}${spec.mount}`;
  const jwk = await signingKey(spec.keyFile);
  const interactionPath = `${spec.mount}/interaction/`;

  const configuration: Configuration = {
    clients: [
      {
        client_id: spec.clientId,
        token_endpoint_auth_method: 'none',
        application_type: 'web',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: [`${spec.baseUrl}${spec.appPath}/callback`],
        post_logout_redirect_uris: [`${spec.baseUrl}${spec.appPath}/`],
      },
    ],
    jwks: { keys: [jwk] },
    cookies: {
      keys: [randomBytes(32).toString('hex')],
      // Both pools live on one host: their cookies must not overwrite each other.
      names: {
        session: `${spec.cookiePrefix}_session`,
        interaction: `${spec.cookiePrefix}_interaction`,
        resume: `${spec.cookiePrefix}_interaction_resume`,
      },
    },
    claims: spec.scopeClaims,
    // Put the profile claims into the ID token itself, as Cognito does.
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const claims = await spec.claimsOf(id);
      return claims ? { accountId: id, claims: async () => ({ ...claims, sub: id }) } : undefined;
    },
    interactions: { url: (_ctx, interaction) => `${interactionPath}${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        // The SPA's own "Sign out" button is the confirmation: submit the provider's form at once.
        logoutSource: async (ctx, form) => {
          // logout=yes ends the provider session too, not just the SPA's.
          const confirmed = form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>');
          ctx.body = `<!doctype html><html><head><meta charset="utf-8"><title>Signing out…</title></head><body>${confirmed}<script>document.forms[0].submit()</script></body></html>`;
        },
      },
    },
    pkce: { required: () => true },
    ttl: {
      IdToken: spec.idTokenSeconds,
      AccessToken: spec.idTokenSeconds,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
      RefreshToken: 8 * 3600,
    },
    renderError: async (ctx, out) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html><body><h1>Sign-in error</h1><p>${String(out.error_description ?? out.error).replace(/[<>&]/g, '')}</p><p><a href="${spec.appPath}/">Back to Cirrus CRM</a></p></body></html>`;
    },
  };
  const provider = new Provider(issuer, configuration);
  const callback = provider.callback();

  const page = (uid: string, extra: { error?: boolean; email?: string } = {}) =>
    signInPage({ action: `${interactionPath}${uid}`, users: spec.choices, subtitle: spec.subtitle, ...extra });
  const codePage = (uid: string, error = false) =>
    totpPage({ action: `${interactionPath}${uid}`, subtitle: spec.subtitle, error });

  /**
   * Interactions whose password was right and that wait for the TOTP code: uid → account. The
   * interaction is bound to this browser by its cookie (interactionDetails checks it); a few wrong
   * codes end it, and it expires with the interaction (10 minutes).
   */
  const awaitingCode = new Map<string, { accountId: string; failures: number; until: number }>();
  const MAX_CODE_FAILURES = 5;

  async function interaction(req: IncomingMessage, res: ServerResponse, uid: string): Promise<void> {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new Error('interaction mismatch');
    if (req.method === 'GET') {
      send(res, 200, page(uid));
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    let accountId: string | undefined;
    const waiting = awaitingCode.get(uid);
    if (waiting && form.has('code')) {
      if (waiting.until < Date.now() || !(await spec.secondFactor!.check(waiting.accountId, form.get('code') ?? ''))) {
        waiting.failures += 1;
        if (waiting.failures >= MAX_CODE_FAILURES || waiting.until < Date.now()) {
          awaitingCode.delete(uid);
          send(res, 401, page(uid, { error: true }));
        } else send(res, 401, codePage(uid, true));
        return;
      }
      awaitingCode.delete(uid);
      accountId = waiting.accountId;
    } else {
      // Only this pool's users: a staff e-mail cannot sign in to the portal, nor a customer to the console.
      accountId = await spec.authenticate(form.get('email') ?? '', form.get('password') ?? '');
      if (!accountId) {
        send(res, 401, page(uid, { error: true, email: form.get('email') ?? '' }));
        return;
      }
      if (spec.secondFactor && (await spec.secondFactor.enabled(accountId))) {
        for (const [key, entry] of awaitingCode) if (entry.until < Date.now()) awaitingCode.delete(key);
        awaitingCode.set(uid, { accountId, failures: 0, until: Date.now() + 600_000 });
        send(res, 200, codePage(uid));
        return;
      }
    }
    await spec.signedIn?.(accountId);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(SCOPE);
    const grantId = await grant.save();
    await provider.interactionFinished(
      req,
      res,
      { login: { accountId }, consent: { grantId } },
      { mergeWithLastSubmission: false },
    );
  }

  const privateKey = await importJWK(jwk, 'RS256');
  return {
    mount: spec.mount,
    issuer,
    jwksUri: `${issuer}/jwks`,
    clientId: spec.clientId,
    handle(req, res) {
      const original = req.url ?? '/';
      const uid = original.startsWith(interactionPath)
        ? /^([\w-]+)/.exec(original.slice(interactionPath.length))?.[1]
        : undefined;
      if (uid) {
        interaction(req, res, uid).catch((error: Error) =>
          send(res, 400, `<p>Sign-in failed: ${error.name}. <a href="${spec.appPath}/">Start again</a></p>`),
        );
        return;
      }
      // Mount under spec.mount: the provider derives its mount path from originalUrl vs url.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = original;
      req.url = original.slice(spec.mount.length) || '/';
      callback(req, res);
    },
    async mint(accountId, opts) {
      const claims = await spec.claimsOf(accountId);
      if (!claims) return undefined;
      const now = Math.floor(Date.now() / 1000);
      const jwt = new SignJWT({ ...claims, token_use: 'id', auth_time: now })
        .setProtectedHeader({ alg: 'RS256', kid: jwk.kid, typ: 'JWT' })
        .setIssuer(opts?.issuer ?? issuer)
        .setAudience(opts?.audience ?? spec.clientId)
        .setSubject(accountId)
        .setIssuedAt(now)
        .setExpirationTime(now + (opts?.expiresInSeconds ?? spec.idTokenSeconds));
      if (opts?.notBeforeSeconds !== undefined) jwt.setNotBefore(now + opts.notBeforeSeconds);
      return jwt.sign(privateKey);
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
