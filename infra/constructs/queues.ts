import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.js';

/**
 * Every queue: encrypted at rest with SQS-managed keys (EventBridge and Scheduler can deliver to
 * them without key-policy plumbing) and refusing plain-HTTP clients.
 */
const SECURE = { encryption: QueueEncryption.SQS_MANAGED, enforceSSL: true } as const;

/** A dead-letter queue: kept for the longest SQS allows so a failure can be looked at and replayed. */
export function deadLetterQueue(scope: Construct, id: string): Queue {
  return new Queue(scope, id, { ...SECURE, retentionPeriod: Duration.days(14) });
}

/**
 * The dead-letter destination of an asynchronous trigger (rule target, schedule, stream mapping).
 * cdk-nag recognises a DLQ only by another queue's redrive policy, so this one is acknowledged.
 */
export function triggerDeadLetterQueue(scope: Construct, id: string, trigger: string): Queue {
  const queue = deadLetterQueue(scope, id);
  acknowledge(
    queue,
    'AwsSolutions-SQS3',
    `Dead-letter queue of ${trigger} (failed deliveries land here); a DLQ of a DLQ would only move the problem.`,
  );
  return queue;
}

export interface WorkQueueProps {
  readonly visibilityTimeout: Duration;
  readonly maxReceiveCount: number;
}

/** A work queue whose poison messages move to their own DLQ after `maxReceiveCount` receives. */
export function workQueue(scope: Construct, id: string, props: WorkQueueProps): { queue: Queue; dlq: Queue } {
  const dlq = deadLetterQueue(scope, `${id}Dlq`);
  const queue = new Queue(scope, id, {
    ...SECURE,
    visibilityTimeout: props.visibilityTimeout,
    retentionPeriod: Duration.days(4),
    deadLetterQueue: { queue: dlq, maxReceiveCount: props.maxReceiveCount },
  });
  return { queue, dlq };
}
