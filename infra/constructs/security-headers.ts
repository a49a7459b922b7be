import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { Construct } from 'constructs';

export interface CspSources {
  /** Cognito's regional endpoint (OIDC discovery, JWKS): `https://cognito-idp.<region>.amazonaws.com`. */
  readonly oidcEndpoint: string;
  /** Hosted-UI base URLs (token endpoint, sign-in pages), staff and portal. */
  readonly hostedUis: readonly string[];
  /** Storage endpoints the console uploads to with presigned URLs (the attachments bucket). */
  readonly uploads?: readonly string[];
}

/**
 * The SPA's Content-Security-Policy: everything from our own origin (the API is same-origin via
 * CloudFront), plus the OIDC endpoints the sign-in library calls.
 */
export function contentSecurityPolicy(sources: CspSources): string {
  const signIn = [sources.oidcEndpoint, ...sources.hostedUis].join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Ant Design's CSS-in-JS inserts <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self' ${[signIn, ...(sources.uploads ?? [])].join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${sources.hostedUis.join(' ')}`,
    "frame-ancestors 'none'",
    'upgrade-insecure-requests',
  ].join('; ');
}

/** Security headers on every response, the API's included. */
export class SecurityHeaders extends Construct {
  readonly policy: ResponseHeadersPolicy;

  constructor(scope: Construct, id: string, sources: CspSources) {
    super(scope, id);
    this.policy = new ResponseHeadersPolicy(this, 'Policy', {
      comment: 'Cirrus CRM security headers',
      securityHeadersBehavior: {
        contentSecurityPolicy: { contentSecurityPolicy: contentSecurityPolicy(sources), override: true },
        strictTransportSecurity: {
          accessControlMaxAge: Duration.days(730),
          includeSubdomains: true,
          override: true,
        },
        frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
        contentTypeOptions: { override: true },
        referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN, override: true },
      },
      customHeadersBehavior: {
        customHeaders: [
          {
            header: 'Permissions-Policy',
            value: 'camera=(), microphone=(), geolocation=(), payment=()',
            override: true,
          },
          // Sign-in is a full-page redirect, never a popup, so no window needs an opener.
          { header: 'Cross-Origin-Opener-Policy', value: 'same-origin', override: true },
        ],
      },
    });
  }
}
