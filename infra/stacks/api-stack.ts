import { CfnOutput, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  HttpApi,
  HttpMethod,
  HttpNoneAuthorizer,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpJwtAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import type { CrmFunction } from '../constructs/crm-function.js';
import { acknowledge } from '../constructs/nag.js';
import type { OidcIssuer } from '../constructs/spa-sign-in.js';
import { type Audience, type Manifest, type RouteDecl, routeKey } from '../manifest.types.js';
import { lookup } from './functions-stack.js';

export interface ApiStackProps extends StackProps {
  readonly manifest: Manifest;
  readonly functions: ReadonlyMap<string, CrmFunction>;
  readonly staff: OidcIssuer;
  readonly portal: OidcIssuer;
  readonly logRetention: RetentionDays;
}

/** Stage-wide limits; every route, public ones included, is rate limited. */
const THROTTLE = { rateLimit: 100, burstLimit: 200 };

/** One JSON object per request: what happened, how long it took, why auth failed. */
const ACCESS_LOG = {
  requestId: '$context.requestId',
  time: '$context.requestTime',
  // The client address is kept for abuse investigation; no token, body or query string is logged.
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  latencyMs: '$context.responseLatency',
  integrationLatencyMs: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  authorizerError: '$context.authorizer.error',
  userAgent: '$context.identity.userAgent',
};

/** Routes served only by the local runtime (its dev OIDC token endpoint): never deployed. */
export function isLocalOnly(route: Pick<RouteDecl, 'path'>): boolean {
  return route.path === '/local' || route.path.startsWith('/local/');
}

/**
 * The HTTP API behind CloudFront's /api/*, /portal-api/* and /public/*: one route per manifest
 * route, each with the authorizer its audience calls for.
 */
export class ApiStack extends Stack {
  readonly api: HttpApi;
  /** `<id>.execute-api.<region>.amazonaws.com`: the CloudFront origin. */
  readonly originDomain: string;

  constructor(scope: Construct, id: string, props: ApiStackProps) {
    super(scope, id, props);
    const { manifest } = props;

    this.api = new HttpApi(this, 'HttpApi', {
      apiName: `${manifest.service}-api`,
      description: `${manifest.service} HTTP API`,
      // Our own $default stage below, so it can carry access logs and throttling.
      createDefaultStage: false,
    });
    const accessLogs = new LogGroup(this, 'AccessLogs', {
      retention: props.logRetention,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    new HttpStage(this, 'DefaultStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: THROTTLE,
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(JSON.stringify(ACCESS_LOG)),
      },
    });

    // Authorizers are created lazily by CDK: one only appears in the template once a route uses it.
    const authorizers: Record<Audience, IHttpRouteAuthorizer> = {
      staff: jwtAuthorizer('StaffJwt', props.staff),
      portal: jwtAuthorizer('PortalJwt', props.portal),
      public: new HttpNoneAuthorizer(),
    };

    const integrations = new Map<string, HttpLambdaIntegration>();
    const integrationFor = (functionId: string): HttpLambdaIntegration => {
      let integration = integrations.get(functionId);
      if (!integration) {
        integration = new HttpLambdaIntegration(
          `Integration-${functionId}`,
          lookup(props.functions, functionId, 'function').fn,
          {
            // One invoke permission per function for the whole API, not one per route: a function
            // serving dozens of routes would otherwise outgrow Lambda's 20 KB resource policy.
            scopePermissionToRoute: false,
          },
        );
        integrations.set(functionId, integration);
      }
      return integration;
    };

    for (const route of manifest.routes) {
      if (isLocalOnly(route)) continue;
      const httpRoute = new HttpRoute(this, `Route ${routeKey(route).replaceAll('/', '|')}`, {
        httpApi: this.api,
        routeKey: HttpRouteKey.with(route.path, HttpMethod[route.method]),
        integration: integrationFor(route.function),
        authorizer: authorizers[route.audience],
      });
      if (route.audience === 'public') {
        acknowledge(
          httpRoute,
          'AwsSolutions-APIG4',
          `${routeKey(route)} is public by design (no sign-in exists for its callers); it is throttled at the stage and validates its input like every route.`,
        );
      }
    }

    this.originDomain = `${this.api.apiId}.execute-api.${this.region}.${this.urlSuffix}`;
    new CfnOutput(this, 'ApiEndpoint', { value: this.api.apiEndpoint });
  }
}

/** Verifies Cognito tokens issued to the SPA client (access tokens carry it as `client_id`). */
function jwtAuthorizer(name: string, issuer: OidcIssuer): HttpJwtAuthorizer {
  return new HttpJwtAuthorizer(name, issuer.issuerUrl, { authorizerName: name, jwtAudience: [issuer.clientId] });
}
