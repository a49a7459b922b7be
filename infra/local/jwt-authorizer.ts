import { createRemoteJWKSet, jwtVerify } from 'jose';

/**
 * Verifies bearer tokens as API Gateway's JWT authorizer does: signature against the issuer's
 * JWKS, issuer, audience, expiry and not-before. Returns the claims in the shape the authorizer
 * hands to Lambda (every value a string; arrays as "[a b]"), or undefined when the token fails.
 */
export type JwtClaims = Record<string, string>;

export function jwtAuthorizer(opts: { issuer: string; jwksUri: string; audience: string }) {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  return async (authorization: string | undefined): Promise<JwtClaims | undefined> => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, jwks, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms: ['RS256'],
      });
      return Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, asClaimString(v)]));
    } catch {
      return undefined;
    }
  };
}

function asClaimString(value: unknown): string {
  if (Array.isArray(value)) return `[${value.join(' ')}]`;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value);
  return String(value);
}
