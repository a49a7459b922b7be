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
  /** The OAuth scopes the SPA asks for (space-separated, as /config.json gives them to the SPA). */
  readonly scope: string;
  /**
   * Cognito's logout endpoint for this client, back to the SPA afterwards: Cognito publishes no
   * end_session_endpoint, so the SPA goes here to end the hosted-UI session, not just its own.
   */
  readonly logoutUrl: string;
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
  /**
   * Also grant `aws.cognito.signin.user.admin`: the access token then lets the user manage their
   * own account through Cognito (the staff console enrols TOTP with it).
   */
  readonly selfService?: boolean;
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
    const scopes = [OAuthScope.OPENID, OAuthScope.EMAIL, OAuthScope.PROFILE];
    if (props.selfService) scopes.push(OAuthScope.COGNITO_ADMIN);
    const signedOut = `${origin}${props.basePath}/`;
    this.domain = props.userPool.addDomain('HostedUi', { cognitoDomain: { domainPrefix: props.domainPrefix } });
    this.client = props.userPool.addClient('SpaClient', {
      generateSecret: false,
      // Only the hosted UI signs users in; no password ever reaches our SPA.
      authFlows: {},
      oAuth: {
        flows: { authorizationCodeGrant: true, implicitCodeGrant: false, clientCredentials: false },
        scopes,
        callbackUrls: [`${origin}${props.basePath}/callback`],
        logoutUrls: [signedOut],
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
      scope: scopes.map((s) => s.scopeName).join(' '),
      logoutUrl: `${this.domain.baseUrl()}/logout?client_id=${this.client.userPoolClientId}&logout_uri=${encodeURIComponent(signedOut)}`,
    };
  }
}

/** A domain prefix that is unique per account: `<service>-<suffix>-<account id>`. */
export function hostedUiPrefix(service: string, suffix: string): string {
  return `${service}-${suffix}-${Aws.ACCOUNT_ID}`;
}
