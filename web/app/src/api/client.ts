import { ApiError, apiErrorFrom } from './api-error';

/**
 * The one way the console talks to the API: JSON in and out, the signed-in user's id_token as a
 * bearer token (the API Gateway JWT authorizer checks it), an Idempotency-Key on creates, and
 * error bodies turned into ApiError. A 401 signs the user out locally, which shows the sign-in page.
 */

export interface ApiAuth {
  /** The current id_token, or null when nobody is signed in. */
  idToken(): Promise<string | null>;
  /** The current access token (Cognito acts on the user's own account with it: TOTP enrolment). */
  accessToken?(): Promise<string | null>;
  /** The API refused the token (expired, revoked): forget the user. */
  unauthorized(): void;
}

let auth: ApiAuth = {
  idToken: async () => null,
  unauthorized: () => {},
};

export function configureApiAuth(next: ApiAuth): void {
  auth = next;
}

/** Where the console sends a user who must set up an authenticator app first. */
export const MFA_ENROLMENT_PAGE = '/app/account/security';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  query?: Record<string, QueryValue>;
  body?: unknown;
  /** Send an Idempotency-Key so a retried create makes one record, not two. */
  idempotent?: boolean;
  /** Also send the access token (X-Access-Token), for the routes that act on one's own account. */
  withAccessToken?: boolean;
  signal?: AbortSignal;
}

export function toQueryString(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** crypto.randomUUID needs a secure context; fall back to random bytes elsewhere (plain-http LAN). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const token = await auth.idToken();
  if (!token) {
    auth.unauthorized();
    throw new ApiError(401, 'auth.unauthorized', 'Sign in first');
  }

  const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${token}` };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.idempotent) headers['idempotency-key'] = newIdempotencyKey();
  if (options.withAccessToken) {
    const access = await auth.accessToken?.();
    if (access) headers['x-access-token'] = access;
  }

  let response: Response;
  try {
    response = await fetch(`${path}${toQueryString(options.query)}`, {
      method,
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }

  if (!response.ok) {
    const error = await apiErrorFrom(response);
    if (response.status === 401) auth.unauthorized();
    // An admin or sysadmin without TOTP: only the Account security page works until they enrol.
    if (error.code === 'mfa.enrolment_required' && window.location.pathname !== MFA_ENROLMENT_PAGE) {
      window.location.assign(MFA_ENROLMENT_PAGE);
    }
    throw error;
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A file the API answers with (a quote's PDF), as a Blob; errors as for JSON requests. */
export async function apiDownload(path: string): Promise<Blob> {
  const token = await auth.idToken();
  if (!token) {
    auth.unauthorized();
    throw new ApiError(401, 'auth.unauthorized', 'Sign in first');
  }
  let response: Response;
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` }, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (!response.ok) {
    if (response.status === 401) auth.unauthorized();
    throw await apiErrorFrom(response);
  }
  return response.blob();
}

export const api = {
  get: <T>(path: string, query?: RequestOptions['query'], signal?: AbortSignal) =>
    apiRequest<T>('GET', path, { query, signal }),
  create: <T>(path: string, body: unknown) => apiRequest<T>('POST', path, { body, idempotent: true }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, { body }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => apiRequest<T>('DELETE', path),
};
