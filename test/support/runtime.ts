import { type Runtime, type RuntimeOptions, startRuntime } from '../../infra/local/runtime.js';

/**
 * Each test file starts its own local runtime on free ports, with DynamoDB Local in memory and
 * no timers (tests fire schedules at the instants they choose), and stops it afterwards.
 */
export async function startTestRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  return startRuntime({ seed: false, timers: false, visibilityScale: 0.001, testTokens: true, ...options });
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small API client acting as one seeded user (or anonymous, or with a given raw token). */
export function apiAs(runtime: Pick<Runtime, 'baseUrl' | 'token'>, who: string | { token: string } | null) {
  let cached: string | undefined;
  const auth = async (): Promise<Record<string, string>> => {
    if (who === null) return {};
    if (typeof who === 'object') return { authorization: `Bearer ${who.token}` };
    cached ??= await runtime.token(who);
    return { authorization: `Bearer ${cached}` };
  };
  const call = async <T = Record<string, unknown>>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> => {
    const res = await fetch(`${runtime.baseUrl}${path}`, {
      method,
      headers: { ...(await auth()), ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T, headers: res.headers };
  };
  return {
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) =>
      call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body?: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body ?? {}, headers),
    patch: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PATCH', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('PUT', path, body, headers),
    delete: <T = Record<string, unknown>>(path: string) => call<T>('DELETE', path),
  };
}

export type Api = ReturnType<typeof apiAs>;

export interface Listed<T = Record<string, unknown>> {
  items: T[];
  nextCursor: string | null;
}
