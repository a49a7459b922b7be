import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { buildTestApp, buildVariantApp, resourcesOf, templateOf } from './helpers/app.js';

const cirrus = buildTestApp();
const template = templateOf(cirrus.api);

interface RouteProps {
  RouteKey: string;
  AuthorizationType?: string;
  AuthorizerId?: { Ref: string };
}
function routesOf(t: typeof template): RouteProps[] {
  return Object.values(resourcesOf(t, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties as unknown as RouteProps);
}
/** The issuer and audience of a JWT authorizer, as JSON (they are cross-stack references). */
function jwtConfigOf(t: typeof template, logicalId: string): { issuer: string; audience: string } {
  const props = resourcesOf(t, 'AWS::ApiGatewayV2::Authorizer')[logicalId]?.Properties;
  expect(props?.AuthorizerType).toBe('JWT');
  const jwt = props?.JwtConfiguration as { Issuer: unknown; Audience: unknown[] };
  expect(jwt.Audience).toHaveLength(1);
  return { issuer: JSON.stringify(jwt.Issuer), audience: JSON.stringify(jwt.Audience) };
}
function authorizerIdByName(t: typeof template, name: string): string {
  const match = Object.entries(resourcesOf(t, 'AWS::ApiGatewayV2::Authorizer')).find(
    ([, a]) => a.Properties.Name === name,
  );
  if (!match) throw new Error(`No authorizer ${name}`);
  return match[0];
}

describe('the HTTP API: one route per manifest route', () => {
  it('has exactly the manifest route keys', () => {
    expect(
      routesOf(template)
        .map((r) => r.RouteKey)
        .sort(),
    ).toEqual(manifest.routes.map(routeKey).sort());
  });

  it('protects staff routes with the staff JWT authorizer and leaves public routes open', () => {
    const staff = authorizerIdByName(template, 'StaffJwt');
    const routes = new Map(routesOf(template).map((r) => [r.RouteKey, r]));
    for (const route of manifest.routes) {
      const deployed = routes.get(routeKey(route));
      if (route.audience === 'public') {
        expect(deployed?.AuthorizationType, routeKey(route)).toBe('NONE');
        expect(deployed?.AuthorizerId).toBeUndefined();
      } else {
        expect(deployed?.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(deployed?.AuthorizerId).toEqual({ Ref: staff });
      }
    }
  });

  it('verifies staff tokens against the staff pool issuer and SPA client', () => {
    const authorizers = resourcesOf(template, 'AWS::ApiGatewayV2::Authorizer');
    // The portal authorizer is only materialised once a portal route uses it.
    expect(Object.keys(authorizers)).toHaveLength(1);
    const { issuer, audience } = jwtConfigOf(template, authorizerIdByName(template, 'StaffJwt'));
    expect(issuer).toMatch(/StaffPool\w*ProviderURL/);
    expect(audience).toMatch(/StaffPoolSpaClient/);
  });

  it('integrates each function once, with one invoke permission per function', () => {
    const used = new Set(manifest.routes.map((r) => r.function));
    template.resourceCountIs('AWS::ApiGatewayV2::Integration', used.size);
    template.resourceCountIs('AWS::Lambda::Permission', used.size);
  });

  it('logs every request as JSON and throttles the stage', () => {
    const stages = Object.values(resourcesOf(template, 'AWS::ApiGatewayV2::Stage'));
    expect(stages).toHaveLength(1);
    const stage = stages[0]?.Properties as {
      StageName: string;
      AutoDeploy: boolean;
      AccessLogSettings: { Format: string; DestinationArn: unknown };
      DefaultRouteSettings: { ThrottlingRateLimit: number; ThrottlingBurstLimit: number };
    };
    expect(stage.StageName).toBe('$default');
    expect(stage.AutoDeploy).toBe(true);
    expect(JSON.parse(stage.AccessLogSettings.Format)).toMatchObject({ requestId: '$context.requestId' });
    expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.DefaultRouteSettings.ThrottlingBurstLimit).toBeGreaterThan(0);
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: Match.anyValue() });
  });

  it('deploys nothing under /local/ in any stack', () => {
    for (const stack of [cirrus.data, cirrus.identity, cirrus.messaging, cirrus.functions, cirrus.api, cirrus.web]) {
      expect(JSON.stringify(templateOf(stack).toJSON())).not.toMatch(/\/local(\/|")/);
    }
  });
});

describe('a manifest with a portal route and a local-only route', () => {
  const variant = buildVariantApp();
  const api = templateOf(variant.api);

  it('puts portal routes behind the portal pool authorizer', () => {
    const portal = authorizerIdByName(api, 'PortalJwt');
    const route = routesOf(api).find((r) => r.RouteKey === 'GET /portal-api/tickets');
    expect(route).toMatchObject({ AuthorizationType: 'JWT', AuthorizerId: { Ref: portal } });
    const { issuer, audience } = jwtConfigOf(api, portal);
    expect(issuer).toMatch(/PortalPool\w*ProviderURL/);
    expect(audience).toMatch(/PortalPoolSpaClient/);
  });

  it('never deploys /local/token', () => {
    expect(routesOf(api).map((r) => r.RouteKey)).not.toContain('POST /local/token');
    expect(routesOf(api)).toHaveLength(manifest.routes.length + 1);
  });
});
