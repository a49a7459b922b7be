import { runInNewContext } from 'node:vm';
import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { describe, expect, it } from 'vitest';
import { SPA_ROUTING_CODE } from '../../infra/constructs/spa-routing.js';
import { API_PATH_PATTERNS } from '../../infra/stacks/web-stack.js';
import { buildTestApp, buildVariantApp, resourcesOf, templateOf } from './helpers/app.js';

const cirrus = buildTestApp();
const template = templateOf(cirrus.web);

interface DistributionConfig {
  DefaultCacheBehavior: Record<string, unknown>;
  CacheBehaviors: Record<string, unknown>[];
  Origins: Record<string, unknown>[];
  CustomErrorResponses?: unknown;
  ViewerCertificate?: Record<string, unknown>;
  HttpVersion: string;
  Logging?: unknown;
  WebACLId?: unknown;
}
function distributionOf(t: typeof template): DistributionConfig {
  const [distribution] = Object.values(resourcesOf(t, 'AWS::CloudFront::Distribution'));
  return distribution?.Properties.DistributionConfig as DistributionConfig;
}
const config = distributionOf(template);

describe('CloudFront in front of the SPA and the API', () => {
  it('reads the private bucket through Origin Access Control', () => {
    template.resourceCountIs('AWS::CloudFront::OriginAccessControl', 1);
    template.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always' }),
    });
    const s3 = config.Origins.find((o) => 'S3OriginConfig' in o);
    expect(s3?.OriginAccessControlId).toBeDefined();
    expect(template.toJSON().Resources).not.toHaveProperty('AWS::CloudFront::CloudFrontOriginAccessIdentity');
  });

  it('sends the API paths to the HTTP API uncached, forwarding all but the Host header', () => {
    expect(config.CacheBehaviors.map((b) => b.PathPattern).sort()).toEqual([...API_PATH_PATTERNS].sort());
    for (const behavior of config.CacheBehaviors) {
      expect(behavior).toMatchObject({
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
        ViewerProtocolPolicy: 'redirect-to-https',
        AllowedMethods: expect.arrayContaining(['POST', 'PATCH', 'DELETE']),
      });
    }
    const api = config.Origins.find((o) => 'CustomOriginConfig' in o);
    expect(api?.CustomOriginConfig).toEqual({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  it('routes SPA deep links with a viewer-request function, not with error responses', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
    expect(config.DefaultCacheBehavior).toMatchObject({
      ViewerProtocolPolicy: 'redirect-to-https',
      FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: expect.anything() }],
    });
    template.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
  });

  it('serves HTTP/2 and HTTP/3 and writes access logs', () => {
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.Logging).toBeDefined();
  });

  it('adds security headers to every behaviour', () => {
    const [policyId] = Object.keys(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    for (const behavior of [config.DefaultCacheBehavior, ...config.CacheBehaviors]) {
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: policyId });
    }
    template.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: Match.objectLike({ AccessControlMaxAgeSec: 63072000, IncludeSubdomains: true }),
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ContentTypeOptions: { Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
          ContentSecurityPolicy: Match.anyValue(),
        }),
      }),
    });
    const csp = JSON.stringify(resourcesOf(template, 'AWS::CloudFront::ResponseHeadersPolicy'));
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "frame-ancestors 'none'",
      "object-src 'none'",
    ]) {
      expect(csp).toContain(directive);
    }
    expect(csp).toMatch(/connect-src 'self' https:\/\/cognito-idp\./);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
  });

  it('keeps every bucket private, encrypted and TLS-only', () => {
    const buckets = Object.entries(resourcesOf(template, 'AWS::S3::Bucket'));
    expect(buckets.length).toBeGreaterThanOrEqual(2);
    for (const [id, bucket] of buckets) {
      expect(bucket.Properties.PublicAccessBlockConfiguration, id).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      expect(bucket.Properties.BucketEncryption).toBeDefined();
    }
    const policies = Object.values(resourcesOf(template, 'AWS::S3::BucketPolicy'));
    expect(policies).toHaveLength(buckets.length);
    for (const policy of policies) expect(JSON.stringify(policy)).toContain('aws:SecureTransport');
    expect(JSON.stringify(policies)).toContain('cloudfront.amazonaws.com');
  });

  it('writes /config.json with the staff issuer and SPA client', () => {
    const deployments = JSON.stringify(resourcesOf(template, 'Custom::CDKBucketDeployment'));
    expect(deployments).toMatch(/StaffPool[A-Za-z0-9]*ProviderURL/);
    expect(deployments).toMatch(/StaffPoolSpaClient/);
    // The logout URL (hosted UI + client id) is in it too, so sign-out ends the Cognito session.
    expect(deployments).toMatch(/StaffPoolHostedUi/);
  });
});

describe('TLS policy and WAF when a domain, certificate and web ACL are passed in', () => {
  const variant = distributionOf(templateOf(buildVariantApp().web));

  it('requires TLS 1.2 and attaches the web ACL', () => {
    expect(variant.ViewerCertificate).toMatchObject({
      MinimumProtocolVersion: 'TLSv1.2_2021',
      SslSupportMethod: 'sni-only',
    });
    expect(variant.WebACLId).toMatch(/^arn:aws:wafv2:us-east-1:/);
  });
});

describe('the SPA routing function', () => {
  type Request = { uri: string };
  type Response = { statusCode: number; headers: { location: { value: string } } };
  const handler = runInNewContext(`${SPA_ROUTING_CODE}; handler`) as (event: {
    request: Request;
  }) => Request | Response;
  const run = (uri: string) => handler({ request: { uri } });

  it.each([
    ['/app/contacts/42', '/app/index.html'],
    ['/app/', '/app/index.html'],
    ['/app/callback', '/app/index.html'],
    ['/portal', '/portal/index.html'],
    ['/portal/tickets/7', '/portal/index.html'],
    ['/assets/index-3f2a.js', '/assets/index-3f2a.js'],
    ['/app/index.html', '/app/index.html'],
    ['/config.json', '/config.json'],
    ['/favicon.ico', '/favicon.ico'],
    ['/other/path', '/other/path'],
  ])('serves %s from %s', (uri, served) => {
    expect(run(uri)).toEqual({ uri: served });
  });

  it.each(['/', '/app'])('redirects %s to the console', (uri) => {
    expect(run(uri)).toMatchObject({ statusCode: 302, headers: { location: { value: '/app/' } } });
  });
});
