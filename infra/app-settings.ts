import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Node } from 'constructs';

/** The repository root: entries in the manifest and `dist/web` are relative to it. */
export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * What one deployment may differ in, read from CDK context (`cdk.json` or `-c key=value`).
 * Everything else comes from the manifest.
 */
export interface AppSettings {
  /**
   * Host the SPA is served from: a custom domain, or the distribution's `dxxxx.cloudfront.net`
   * after the first deploy. Cognito needs it for callback URLs; it cannot be read from the web
   * stack because the web stack already depends on the identity stack (that would be a cycle).
   */
  readonly domainName: string;
  /** ACM certificate (us-east-1) for `domainName`; without it CloudFront serves its default certificate. */
  readonly certificateArn: string | undefined;
  /** An existing CLOUDFRONT-scope WAF web ACL (created in us-east-1) to attach to the distribution. */
  readonly webAclArn: string | undefined;
  /** SES identity domain the CRM sends from. */
  readonly mailDomain: string;
  readonly mailFrom: string;
  readonly version: string;
  readonly logRetention: RetentionDays;
  readonly projectRoot: string;
}

/** The context in cdk.json: the CLI passes it to the app itself, a direct run or a test reads it. */
export function cdkJsonContext(root: string = PROJECT_ROOT): Record<string, unknown> {
  const cdkJson: unknown = JSON.parse(readFileSync(`${root}/cdk.json`, 'utf8'));
  const context = typeof cdkJson === 'object' && cdkJson !== null ? (cdkJson as { context?: unknown }).context : {};
  return typeof context === 'object' && context !== null ? (context as Record<string, unknown>) : {};
}

/** Placeholder until the real host is passed in: sign-in redirects will not work with it. */
export const PLACEHOLDER_DOMAIN = 'cirrus.example.com';

function packageVersion(root: string): string {
  const pkg: unknown = JSON.parse(readFileSync(`${root}/package.json`, 'utf8'));
  const version = typeof pkg === 'object' && pkg !== null ? (pkg as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : '0.0.0';
}

function stringContext(node: Node, key: string): string | undefined {
  const value: unknown = node.tryGetContext(key);
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw new Error(`Context ${key} must be a string`);
  return value;
}

function retentionContext(node: Node, key: string, fallback: RetentionDays): RetentionDays {
  // `-c` passes strings, cdk.json may hold a number: accept both.
  const raw: unknown = node.tryGetContext(key);
  if (raw === undefined || raw === null || raw === '') return fallback;
  const days = Number(raw);
  const allowed = Object.values(RetentionDays).filter((v): v is RetentionDays => typeof v === 'number');
  const match = allowed.find((v) => v === days);
  if (match === undefined) throw new Error(`Context ${key}=${String(raw)} is not a CloudWatch Logs retention period`);
  return match;
}

export function readSettings(node: Node, projectRoot: string = PROJECT_ROOT): AppSettings {
  const mailDomain = stringContext(node, 'cirrus:mailDomain') ?? 'example.com';
  return {
    domainName: stringContext(node, 'cirrus:domainName') ?? PLACEHOLDER_DOMAIN,
    certificateArn: stringContext(node, 'cirrus:certificateArn'),
    webAclArn: stringContext(node, 'cirrus:webAclArn'),
    mailDomain,
    mailFrom: stringContext(node, 'cirrus:mailFrom') ?? `Cirrus CRM <no-reply@${mailDomain}>`,
    version: stringContext(node, 'cirrus:version') ?? packageVersion(projectRoot),
    logRetention: retentionContext(node, 'cirrus:logRetentionDays', RetentionDays.ONE_MONTH),
    projectRoot,
  };
}
