import { Aws, Duration } from 'aws-cdk-lib';
import {
  type ClientAttributes,
  OAuthScope,
  type UserPool,
  type UserPoolClient,
  UserPoolClientIdentityProvider,
  type UserPoolDomain,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';

/** What the API authorizers, the SPA's /config.json and the CSP need to know about one pool. */
export interface OidcIssuer {
  /** `https://cognito-idp.<region>.amazonaws.com/<pool id>`: the OIDC authority and JWT issuer. */
  readonly issuerUrl: string;
  readonly clientId: string;
  /** `https://<prefix>.auth.<region>.amazoncognito.com`: hosted UI and token endpoint. */
  readonly hostedUiUrl: string;
}

export interface SpaSignInProps {
  readonly userPool: UserPool;
  /** Hosted-UI domain prefix; must be unique in the region across all of AWS. */
  readonly domainPrefix: string;
  /** Host the SPA is served from. */
  readonly appDomain: string;
  /** Path of the SPA in that host: `/app` (console) or `/portal`. */
  readonly basePath: string;
  readonly refreshTokenValidity: Duration;
  readonly writeAttributes?: ClientAttributes;
}

/**
 * Hosted-UI domain plus a public app client for a browser SPA: no secret (a browser cannot keep
 * one), authorization code grant only (the SPA always sends a PKCE challenge, which Cognito
 * verifies for public clients), and short-lived access/ID tokens.
 */
export class SpaSignIn extends Construct {
  readonly domain: UserPoolDomain;
  readonly client: UserPoolClient;
  readonly issuer: OidcIssuer;

  constructor(scope: Construct, id: string, props: SpaSignInProps) {
    super(scope, id);
    const origin = `https://${props.appDomain}`;
    this.domain = props.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.client = props.userPool.addClient('SpaClient', {
      generateSecret: false,
      // Only the hosted UI signs users in; no password ever reaches our SPA.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes: [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE],
        callbackUrls: [`${origin}${props.basePath}/callback`],
        logoutUrls: [`${origin}${props.basePath}/`],
      },
      supportedIdentityProviders: [UserPoolClientIdentityProvider.COGNITO],
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.hours(1),
      idTokenValidity: Duration.hours(1),
      refreshTokenValidity: props.refreshTokenValidity,
      writeAttributes: props.writeAttributes,
    });
    this.issuer = {
      issuerUrl: props.userPool.userPoolProviderUrl,
      clientId: this.client.userPoolClientId,
      hostedUiUrl: this.domain.baseUrl(),
    };
  }
}

/** A domain prefix that is unique per account: `<service>-<suffix>-<account id>`. */
export function hostedUiPrefix(service: string, suffix: string): string {
  return `${service}-${suffix}-${Aws.ACCOUNT_ID}`;
}
