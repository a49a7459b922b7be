import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';

/**
 * Verifies bearer tokens as API Gateway's JWT authorizer does, one authorizer per audience:
 *  - the Authorization header is the token, or `Bearer <token>`;
 *  - the header names a `kid` that the issuer's JWKS has, and the signature verifies with it
 *    (RS256 only: API Gateway supports RSA algorithms, Cognito signs with RS256; `none` and HMAC
 *    are refused before any key is looked at);
 *  - `iss` equals the configured issuer;
 *  - `aud` (or, only when there is no `aud`, `client_id`) is the configured audience;
 *  - `exp` is in the future, `nbf` and `iat` are not.
 * Returns the claims in the shape the authorizer hands to Lambda (every value a string; arrays as
 * "[a b]"), or undefined when the token fails any check.
 */
export type JwtClaims = Record<string, string>;

export function jwtAuthorizer(opts: { issuer: string; jwksUri: string; audience: string }) {
  const jwks = createRemoteJWKSet(new URL(opts.jwksUri));
  return async (authorization: string | undefined): Promise<JwtClaims | undefined> => {
    // API Gateway takes the identity source as the token itself or prefixed with "Bearer".
    const token = /^(?:Bearer\s+)?([\w-]+\.[\w-]*\.[\w-]*)$/i.exec(authorization?.trim() ?? '')?.[1];
    if (!token) return undefined;
    try {
      const header = decodeProtectedHeader(token);
      // Without a kid, jose would try the JWKS's only key; API Gateway requires the kid to match.
      if (header.alg !== 'RS256' || typeof header.kid !== 'string' || header.kid === '') return undefined;
      const { payload } = await jwtVerify(token, jwks, {
        issuer: opts.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp'],
      });
      const audience = payload.aud ?? payload.client_id;
      const audiences = Array.isArray(audience) ? audience : [audience];
      if (!audiences.includes(opts.audience)) return undefined;
      if (typeof payload.iat === 'number' && payload.iat > Math.floor(Date.now() / 1000)) return undefined;
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
