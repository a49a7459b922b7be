import { Aws, Duration, Stack } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { type CfnFunction, FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq, SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { EventRuleDecl, QueueDecl, ScheduleDecl, StreamDecl } from '../manifest.types.js';
import type { CrmFunction } from './crm-function.js';
import { acknowledge } from './nag.js';
import { triggerDeadLetterQueue } from './queues.js';

/**
 * How each kind of manifest trigger reaches its function. Every asynchronous path retries and
 * ends in a dead-letter queue, so a failing consumer loses nothing (handlers are idempotent).
 */

/** Asynchronous retries: enough to ride out a throttle or a deploy, short of flooding a broken consumer. */
const ASYNC_RETRIES = 4;
/** Events older than this go to the DLQ instead of being retried: stale automation is worse than none. */
const ASYNC_MAX_AGE = Duration.hours(2);

export function addEventRule(scope: Construct, decl: EventRuleDecl, bus: IEventBus, target: CrmFunction): Rule {
  const dlq = triggerDeadLetterQueue(scope, `Rule-${decl.id}-Dlq`, `event rule ${decl.id}`);
  return new Rule(scope, `Rule-${decl.id}`, {
    eventBus: bus,
    description: decl.description,
    eventPattern: { source: [...decl.pattern.source], detailType: [...decl.pattern.detailType] },
    targets: [
      new LambdaFunction(target.fn, { deadLetterQueue: dlq, retryAttempts: ASYNC_RETRIES, maxEventAge: ASYNC_MAX_AGE }),
    ],
  });
}

export function addSchedule(scope: Construct, decl: ScheduleDecl, target: CrmFunction): Schedule {
  const dlq = triggerDeadLetterQueue(scope, `Schedule-${decl.id}-Dlq`, `schedule ${decl.id}`);
  // Our own role (one per schedule) so its acknowledgement below covers this schedule only.
  const role = new Role(scope, `Schedule-${decl.id}-Role`, {
    assumedBy: new ServicePrincipal('scheduler.amazonaws.com', {
      conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
    }),
  });
  const fnId = Stack.of(scope).resolve((target.fn.node.defaultChild as CfnFunction).logicalId);
  acknowledge(
    role,
    `AwsSolutions-IAM5[Resource::<${fnId}.Arn>:*]`,
    `lambda:InvokeFunction on the versions and aliases of ${target.functionId} only (CDK grants ARN and ARN:*); no other function.`,
  );
  return new Schedule(scope, `Schedule-${decl.id}`, {
    // Expressions are evaluated in UTC, as the manifest says.
    schedule: ScheduleExpression.expression(decl.expression),
    description: decl.description,
    target: new LambdaInvoke(target.fn, {
      role,
      deadLetterQueue: dlq,
      retryAttempts: ASYNC_RETRIES,
      // A sweep that missed its slot by more than an hour is superseded by the next one.
      maxEventAge: Duration.hours(1),
    }),
  });
}

export function addQueueConsumer(decl: QueueDecl, queue: IQueue, consumer: CrmFunction): void {
  // Lambda refuses a mapping whose queue would hand a message to a second consumer mid-batch.
  if (decl.visibilityTimeoutSeconds < consumer.timeout.toSeconds()) {
    throw new Error(`Queue ${decl.id}: visibility timeout is shorter than ${consumer.functionId}'s timeout`);
  }
  consumer.fn.addEventSource(
    new SqsEventSource(queue, {
      batchSize: decl.batchSize,
      maxConcurrency: decl.maxConcurrency,
      // A failed message is retried alone; the rest of the batch is not sent twice.
      reportBatchItemFailures: true,
    }),
  );
}

export function addStreamConsumer(scope: Construct, decl: StreamDecl, table: ITable, consumer: CrmFunction): void {
  const dlq = triggerDeadLetterQueue(
    scope,
    `Stream-${decl.function}-Dlq`,
    `the ${decl.itemType} table-stream mapping of ${decl.function}`,
  );
  acknowledge(
    consumer.role,
    'AwsSolutions-IAM5[Resource::*]',
    'dynamodb:ListStreams has no resource-level permissions; the stream read actions themselves are scoped to the table stream ARN.',
  );
  consumer.fn.addEventSource(
    new DynamoEventSource(table, {
      // Outbox records must all be relayed: start from the oldest record the stream still has.
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: decl.batchSize,
      // Lambda drops the other records before invoking, so we pay only for the items we handle.
      filters: [FilterCriteria.filter({ dynamodb: { NewImage: { type: { S: FilterRule.isEqual(decl.itemType) } } } })],
      bisectBatchOnError: true,
      retryAttempts: 10,
      reportBatchItemFailures: true,
      onFailure: new SqsDlq(dlq),
    }),
  );
}
