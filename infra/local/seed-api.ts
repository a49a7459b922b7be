/**
 * How every demo-data seed talks to the API: as a seeded user (one ID token per e-mail, minted on
 * first use and cached), so each record gets its owner and its audit trail exactly as if typed in
 * the console. Any unexpected answer fails the seed loudly, with the status and the body.
 */

/** An ID token for a seeded user (the runtime's `token`). */
export type SeedToken = (email: string) => Promise<string | undefined>;

export type SeedCall = <T = unknown>(
  email: string,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  /** The status the call must answer; any 2xx when left out. */
  expected?: number,
) => Promise<T>;

/** A caller for one seed; `what` names it in errors ("Seeding deals: POST /api/deals answered 400: …"). */
export function seedApi(baseUrl: string, token: SeedToken, what: string): SeedCall {
  const tokens = new Map<string, string>();
  const tokenFor = async (email: string) => {
    let t = tokens.get(email);
    if (!t) {
      t = await token(email);
      if (!t) throw new Error(`Seeding ${what}: ${email} is not a seeded user`);
      tokens.set(email, t);
    }
    return t;
  };
  return async <T>(email: string, method: string, path: string, body?: unknown, expected?: number): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await tokenFor(email)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (expected === undefined ? !res.ok : res.status !== expected) {
      throw new Error(`Seeding ${what}: ${method} ${path} answered ${res.status}: ${text}`);
    }
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
