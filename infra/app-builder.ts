import { App, Aws, type Environment, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { type AppSettings, readSettings } from './app-settings.js';
import { manifest as defaultManifest } from './manifest.js';
import type { Manifest } from './manifest.types.js';
import { ApiStack } from './stacks/api-stack.js';
import { attachmentsBucketName, DataStack } from './stacks/data-stack.js';
import { FunctionsStack } from './stacks/functions-stack.js';
import { IdentityStack } from './stacks/identity-stack.js';
import { MessagingStack } from './stacks/messaging-stack.js';
import { WebStack } from './stacks/web-stack.js';

export interface BuildAppOptions {
  /** CDK context (tests pass cdk.json's plus `aws:cdk:bundling-stacks: []`); the CLI passes its own. */
  readonly context?: Record<string, unknown>;
  /** Defaults to the project's manifest; tests may pass a variant. */
  readonly manifest?: Manifest;
  /** Register the cdk-nag AwsSolutions checks as a synthesis validation plugin (default true). */
  readonly nag?: boolean;
  readonly outdir?: string;
  /** Account and region; defaults to the CLI's (`CDK_DEFAULT_*`), which offline means env-agnostic. */
  readonly env?: Environment;
}

export interface CirrusApp {
  readonly app: App;
  readonly settings: AppSettings;
  readonly data: DataStack;
  readonly identity: IdentityStack;
  readonly messaging: MessagingStack;
  readonly functions: FunctionsStack;
  readonly api: ApiStack;
  readonly web: WebStack;
}

/** `cirrus-crm` → `CirrusCrm`: the prefix of every stack name. */
function pascal(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/**
 * The whole AWS realisation of the manifest. Dependencies run one way only:
 * data → identity (its pool triggers read the table); data, messaging, identity → functions →
 * api → web, and identity → api, web.
 * The CLI (infra/app.ts) and the infra tests build exactly this.
 */
export function buildApp(options: BuildAppOptions = {}): CirrusApp {
  const manifest = options.manifest ?? defaultManifest;
  const app = new App({ context: options.context, outdir: options.outdir });
  const settings = readSettings(app.node);
  const prefix = pascal(manifest.service);
  const env = options.env ?? { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };

  const data = new DataStack(app, `${prefix}Data`, {
    env,
    description: 'Cirrus CRM: the single DynamoDB table and its key',
    service: manifest.service,
    table: manifest.table,
    appOrigin: `https://${settings.domainName}`,
  });
  const identity = new IdentityStack(app, `${prefix}Identity`, {
    env,
    description: 'Cirrus CRM: Cognito user pools for staff and portal customers',
    service: manifest.service,
    appDomain: settings.domainName,
    manifest,
    settings,
    table: data.binding,
  });
  const messaging = new MessagingStack(app, `${prefix}Messaging`, {
    env,
    description: 'Cirrus CRM: event bus, work queues and SES',
    service: manifest.service,
    queues: manifest.queues,
    mailDomain: settings.mailDomain,
  });
  const functions = new FunctionsStack(app, `${prefix}Functions`, {
    env,
    description: 'Cirrus CRM: Lambda functions and their asynchronous triggers',
    manifest,
    settings,
    table: data.binding,
    fieldKey: data.fieldKey,
    bus: messaging.bus,
    queues: messaging.queues,
    mail: {
      identityArn: messaging.mailIdentityArn,
      configurationSetArn: messaging.configurationSetArn,
      mailFrom: settings.mailFrom,
    },
    staffPool: identity.staffPool,
    attachments: data.attachmentsBinding,
  });
  const api = new ApiStack(app, `${prefix}Api`, {
    env,
    description: 'Cirrus CRM: HTTP API with JWT authorizers',
    manifest,
    functions: functions.functions,
    staff: identity.staff,
    portal: identity.portal,
    logRetention: settings.logRetention,
  });
  const web = new WebStack(app, `${prefix}Web`, {
    env,
    description: 'Cirrus CRM: CloudFront, the SPA bucket and /config.json',
    settings,
    apiDomain: api.originDomain,
    staff: identity.staff,
    portal: identity.portal,
    attachmentsOrigin: `https://${attachmentsBucketName(manifest.service)}.s3.${Aws.REGION}.${Aws.URL_SUFFIX}`,
  });

  Tags.of(app).add('app', manifest.service);
  if (options.nag ?? true) Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  return { app, settings, data, identity, messaging, functions, api, web };
}
