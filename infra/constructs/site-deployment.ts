import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultStackSynthesizer, Duration, Stack, Token } from 'aws-cdk-lib';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { acknowledge } from './nag.js';
import type { OidcIssuer } from './spa-sign-in.js';

export interface SiteDeploymentProps {
  readonly bucket: IBucket;
  /** The built SPA (`dist/web`). */
  readonly webRoot: string;
  readonly staff: OidcIssuer;
  readonly version: string;
}

/**
 * Uploads the SPA and writes /config.json, the runtime configuration the SPA reads at start
 * (so one build serves every deployment).
 *
 * Vite's hashed files under assets/ never change, so browsers keep them for a year and old ones
 * are not pruned (a tab still running the previous release may fetch them). Everything else
 * (index.html, config.json, the service worker) must be revalidated on each load.
 */
export class SiteDeployment extends Construct {
  constructor(scope: Construct, id: string, props: SiteDeploymentProps) {
    super(scope, id);
    const config = Source.jsonData('config.json', {
      oidc: {
        authority: props.staff.issuerUrl,
        clientId: props.staff.clientId,
        // Includes aws.cognito.signin.user.admin: the access token enrols the user's TOTP.
        scope: props.staff.scope,
        logoutUrl: props.staff.logoutUrl,
      },
      version: props.version,
    });
    const built = existsSync(props.webRoot);
    const assets = join(props.webRoot, 'assets');

    if (built && existsSync(assets)) {
      new BucketDeployment(this, 'Assets', {
        destinationBucket: props.bucket,
        destinationKeyPrefix: 'assets/',
        sources: [Source.asset(assets)],
        prune: false,
        cacheControl: [CacheControl.setPublic(), CacheControl.maxAge(Duration.days(365)), CacheControl.immutable()],
        memoryLimit: 512,
      });
    }
    new BucketDeployment(this, 'Shell', {
      destinationBucket: props.bucket,
      // Without a build (e.g. a synth before `npm run build:web`) only config.json is deployed.
      sources: built ? [Source.asset(props.webRoot, { exclude: ['assets'] }), config] : [config],
      // Pruning skips excluded keys, so the assets deployment above is left alone.
      exclude: ['assets/*'],
      cacheControl: [CacheControl.noCache()],
      memoryLimit: 512,
    });
    acknowledgeDeploymentHandler(Stack.of(this), props.bucket);
  }
}

/**
 * BucketDeployment runs one CDK-provided Lambda per stack that we do not write or configure;
 * its findings are acknowledged on that Lambda only.
 */
function acknowledgeDeploymentHandler(stack: Stack, bucket: IBucket): void {
  const bucketId = stack.resolve((bucket.node.defaultChild as CfnBucket).logicalId);
  const why = 'CDK-managed BucketDeployment handler (runs only during deployments)';
  for (const child of stack.node.children) {
    if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
    acknowledge(child, 'AwsSolutions-L1', `${why}; its runtime is pinned by aws-cdk-lib.`);
    acknowledge(
      child,
      'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      `${why}; the managed policy only lets it write its own logs.`,
    );
    // The grants CDK generates for copying the asset zip into the site bucket: wildcards are
    // over object keys and read/delete verbs of those two buckets only.
    for (const finding of [
      'Action::s3:GetBucket*',
      'Action::s3:GetObject*',
      'Action::s3:List*',
      'Action::s3:Abort*',
      'Action::s3:DeleteObject*',
      `Resource::${assetBucketObjects(stack)}`,
      `Resource::<${bucketId}.Arn>/*`,
    ]) {
      acknowledge(
        child,
        `AwsSolutions-IAM5[${finding}]`,
        `${why}: reads the CDK asset bucket and syncs the site bucket.`,
      );
    }
  }
}

/**
 * The bootstrap asset bucket's objects as cdk-nag prints them: pseudo parameters stay
 * `<AWS::...>` unless the stack has a concrete environment (as the CLI gives it a region).
 */
function assetBucketObjects(stack: Stack): string {
  const known = (value: string, pseudo: string) => (Token.isUnresolved(value) ? `<AWS::${pseudo}>` : value);
  const qualifier: unknown = stack.node.tryGetContext('@aws-cdk/core:bootstrapQualifier');
  const q = typeof qualifier === 'string' ? qualifier : DefaultStackSynthesizer.DEFAULT_QUALIFIER;
  const partition = Token.isUnresolved(stack.region) ? '<AWS::Partition>' : stack.partition;
  return `arn:${partition}:s3:::cdk-${q}-assets-${known(stack.account, 'AccountId')}-${known(stack.region, 'Region')}/*`;
}
