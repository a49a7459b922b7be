import { join } from 'node:path';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  Distribution,
  FunctionEventType,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  OriginSslPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AppSettings } from '../app-settings.js';
import { acknowledge } from '../constructs/nag.js';
import { SecurityHeaders } from '../constructs/security-headers.js';
import { SiteDeployment } from '../constructs/site-deployment.js';
import { SpaRoutingFunction } from '../constructs/spa-routing.js';
import type { OidcIssuer } from '../constructs/spa-sign-in.js';

export interface WebStackProps extends StackProps {
  readonly settings: AppSettings;
  /** The HTTP API's `execute-api` host. */
  readonly apiDomain: string;
  readonly staff: OidcIssuer;
  readonly portal: OidcIssuer;
  /** The attachments bucket's regional endpoint: the console PUTs files to it through presigned URLs. */
  readonly attachmentsOrigin: string;
}

/** Path patterns CloudFront sends to the HTTP API (the same prefixes the local gateway routes). */
export const API_PATH_PATTERNS = ['/api/*', '/portal-api/*', '/public/*'] as const;

const PRIVATE_BUCKET = {
  blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
  encryption: BucketEncryption.S3_MANAGED,
  enforceSSL: true,
} as const;

/**
 * The browser's single origin: CloudFront serves the SPA from a private bucket and forwards the
 * API paths to the HTTP API, so there is no CORS to open and one place for headers and a WAF.
 */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  readonly siteBucket: Bucket;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    const { settings } = props;

    // CloudFront standard logs are delivered with ACLs, hence object-writer ownership here.
    const logBucket = new Bucket(this, 'Logs', {
      ...PRIVATE_BUCKET,
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    acknowledge(logBucket, 'AwsSolutions-S1', 'This is the access-log bucket; logging it into itself would loop.');

    this.siteBucket = new Bucket(this, 'Site', {
      ...PRIVATE_BUCKET,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3-site/',
    });

    const headers = new SecurityHeaders(this, 'SecurityHeaders', {
      oidcEndpoint: `https://cognito-idp.${this.region}.${this.urlSuffix}`,
      hostedUis: [props.staff.hostedUiUrl, props.portal.hostedUiUrl],
      uploads: [props.attachmentsOrigin],
    }).policy;
    const spaRouting = new SpaRoutingFunction(this, 'SpaRouting').function;

    const api: BehaviorOptions = {
      origin: new HttpOrigin(props.apiDomain, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        originSslProtocols: [OriginSslPolicy.TLS_V1_2],
      }),
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      // API Gateway routes by its own Host header; everything else (Authorization, query) passes.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy: headers,
    };

    const certificate = settings.certificateArn
      ? Certificate.fromCertificateArn(this, 'Certificate', settings.certificateArn)
      : undefined;

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Cirrus CRM: SPA and API',
      defaultBehavior: {
        origin: S3BucketOrigin.withOriginAccessControl(this.siteBucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: headers,
        functionAssociations: [{ function: spaRouting, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: Object.fromEntries(API_PATH_PATTERNS.map((pattern) => [pattern, api])),
      httpVersion: HttpVersion.HTTP2_AND_3,
      ...(certificate
        ? {
            certificate,
            domainNames: [settings.domainName],
            minimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
          }
        : {}),
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
      webAclId: settings.webAclArn,
    });

    acknowledge(
      this.distribution,
      'AwsSolutions-CFR1',
      'Staff and customers may be anywhere; no country is excluded by policy.',
    );
    if (!settings.webAclArn) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR2',
        'A CloudFront web ACL must live in us-east-1 and costs a monthly fee per ACL; pass one with -c cirrus:webAclArn=... . Without it the API stage throttles every route.',
      );
    }
    if (!certificate) {
      acknowledge(
        this.distribution,
        'AwsSolutions-CFR4',
        'No custom domain configured, so the *.cloudfront.net default certificate is used and its TLS policy cannot be chosen; with -c cirrus:certificateArn the distribution enforces TLSv1.2_2021.',
      );
    }

    new SiteDeployment(this, 'Deployment', {
      bucket: this.siteBucket,
      webRoot: join(settings.projectRoot, 'dist', 'web'),
      staff: props.staff,
      version: settings.version,
    });

    new CfnOutput(this, 'DistributionDomain', {
      value: this.distribution.distributionDomainName,
      description:
        'Without a custom domain, redeploy with -c cirrus:domainName=<this> so Cognito accepts the callback URL.',
    });
  }
}
