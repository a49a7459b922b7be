import type { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { type BuildAppOptions, buildApp, type CirrusApp } from '../../../infra/app-builder.js';
import { cdkJsonContext } from '../../../infra/app-settings.js';
import { manifest } from '../../../infra/manifest.js';

/**
 * The context the CLI gives the app (cdk.json), plus one switch: no esbuild bundling. The
 * templates are the same; only the asset hashes of the functions differ.
 */
export function testContext(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...cdkJsonContext(), 'aws:cdk:bundling-stacks': [], ...extra };
}

/** Env-agnostic unless a test asks for an environment (the process's CDK_DEFAULT_* are ignored). */
export function buildTestApp(options: BuildAppOptions = {}): CirrusApp {
  return buildApp({ nag: false, env: {}, ...options, context: testContext(options.context) });
}

const templates = new WeakMap<Stack, Template>();

/** Synthesizing is the slow part: one template per stack per test file. */
export function templateOf(stack: Stack): Template {
  let template = templates.get(stack);
  if (!template) {
    template = Template.fromStack(stack);
    templates.set(stack, template);
  }
  return template;
}

export type { CirrusApp };

/** `{ LogicalId: resource }` of one type, typed loosely as CloudFormation JSON. */
export type CfnResources = Record<string, { Properties: Record<string, unknown> } & Record<string, unknown>>;

export function resourcesOf(template: Template, type: string): CfnResources {
  return template.findResources(type) as CfnResources;
}

/** Every IAM action granted to the role of the function with this manifest description. */
export function actionsOfFunction(template: Template, description: string): string[] {
  const fns = Object.values(resourcesOf(template, 'AWS::Lambda::Function')).filter(
    (fn) => fn.Properties.Description === description,
  );
  const [fn, ...others] = fns;
  if (!fn || others.length > 0)
    throw new Error(`Expected one function described "${description}", found ${fns.length}`);
  const role = (fn.Properties.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  const actions: string[] = [];
  for (const policy of Object.values(resourcesOf(template, 'AWS::IAM::Policy'))) {
    const roles = policy.Properties.Roles as { Ref: string }[];
    if (!roles.some((r) => r.Ref === role)) continue;
    const doc = policy.Properties.PolicyDocument as { Statement: { Action: string | string[] }[] };
    for (const statement of doc.Statement) actions.push(...[statement.Action].flat());
  }
  return actions;
}

/**
 * The project's manifest plus what it does not have yet but the stacks must handle: a portal
 * route, and a local-runtime-only route that must never be deployed. Deployed into a concrete
 * account and region with a custom domain, certificate and web ACL, so those branches (and the
 * nag acknowledgements that depend on the environment) are exercised too.
 */
export const VARIANT_DOMAIN = 'crm.test.example';

export function buildVariantApp(): CirrusApp {
  return buildTestApp({
    env: { account: '111111111111', region: 'eu-west-1' },
    manifest: {
      ...manifest,
      routes: [
        ...manifest.routes,
        { method: 'GET', path: '/portal-api/tickets', function: 'platform', audience: 'portal', permission: null },
        { method: 'POST', path: '/local/token', function: 'platform', audience: 'public', permission: null },
      ],
    },
    context: {
      'cirrus:domainName': VARIANT_DOMAIN,
      'cirrus:certificateArn': 'arn:aws:acm:us-east-1:111111111111:certificate/00000000-0000-0000-0000-000000000000',
      'cirrus:webAclArn': 'arn:aws:wafv2:us-east-1:111111111111:global/webacl/cirrus/00000000',
    },
  });
}
