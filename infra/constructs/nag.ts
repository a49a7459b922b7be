import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/**
 * Acknowledge one cdk-nag finding on one construct (and its children). Each call names the rule,
 * optionally the exact finding (`AwsSolutions-IAM5[Resource::*]`), and why it is acceptable here:
 * an acknowledgement without a reason is a finding we have merely hidden.
 */
export function acknowledge(scope: IConstruct, id: `AwsSolutions-${string}`, reason: string): void {
  Validations.of(scope).acknowledge({ id, reason });
}
