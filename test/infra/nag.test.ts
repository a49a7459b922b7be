import { Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import type { IConstruct } from 'constructs';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/app-builder.js';
import { buildVariantApp, testContext } from './helpers/app.js';

/** `rule on construct path` for every unacknowledged finding, errors and warnings alike. */
function findings(scope: IConstruct): string[] {
  const report = new AwsSolutionsChecks().validateScope(scope);
  return report.violations.flatMap((v) =>
    v.violatingResources.map((r) => `${v.severity} ${v.ruleName} on ${r.constructPath}`),
  );
}

function acknowledgements(scope: IConstruct): { path: string; id: string; reason: string }[] {
  return scope.node.findAll().flatMap((c) =>
    c.node.metadata
      .filter((m) => m.type === Validations.ACKNOWLEDGED_RULES_METADATA_KEY)
      .flatMap((m) => Object.entries(m.data as Record<string, string>))
      .map(([id, reason]) => ({ path: c.node.path, id, reason })),
  );
}

describe('cdk-nag AwsSolutions', () => {
  // The app exactly as `cdk synth` builds it: the checks registered as a validation plugin.
  const cirrus = buildApp({ context: testContext() });

  it('has no unacknowledged error or warning', () => {
    expect(findings(cirrus.app)).toEqual([]);
  });

  it('has none either with a custom domain, web ACL, portal route and local route', () => {
    expect(findings(buildVariantApp().app)).toEqual([]);
  });

  it('gives every acknowledgement a specific reason, on a resource rather than a whole stack', () => {
    const acks = acknowledgements(cirrus.app);
    expect(acks.length).toBeGreaterThan(0);
    const stacks = new Set(
      [cirrus.data, cirrus.identity, cirrus.messaging, cirrus.functions, cirrus.api, cirrus.web].map(
        (s) => s.node.path,
      ),
    );
    for (const ack of acks) {
      expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);
      expect(stacks.has(ack.path), `${ack.id} acknowledged for a whole stack`).toBe(false);
    }
  });

  it('synthesizes with the checks as a validation plugin, with no error annotation', () => {
    cirrus.app.synth();
    for (const stack of [cirrus.data, cirrus.identity, cirrus.messaging, cirrus.functions, cirrus.api, cirrus.web]) {
      const annotations = Annotations.fromStack(stack);
      expect(annotations.findError('*', Match.anyValue()), stack.stackName).toEqual([]);
      expect(annotations.findWarning('*', Match.stringLikeRegexp('AwsSolutions-.*')), stack.stackName).toEqual([]);
    }
  });
});
