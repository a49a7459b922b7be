import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { RecordKind } from './keys.js';
import { keys } from './keys.js';
import type { TransactItem } from './transact.js';

/**
 * A bulk reassignment job (REASSIGNMENT#<id> / JOB): what to move, and its progress. The worker
 * moves one page of the from-owner's records per queue message; `batch` is the number of the
 * page it expects next, so a duplicate or stale message (an older batch) changes nothing.
 * `moved` grows inside each record's own transaction, so a retried batch never counts twice.
 */
export interface ReassignmentJob {
  id: string;
  kind: RecordKind;
  fromOwnerId: string;
  toOwnerId: string;
  /** A manager's job moves only records of these teams; absent for an admin's. */
  teamIds?: string[];
  requestedBy: { id: string; name: string };
  status: 'running' | 'done';
  moved: number;
  /** Records of the from-owner left alone: outside the requester's teams. */
  skipped: number;
  batch: number;
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
}

/** One page of a job, as queued. */
export interface ReassignmentMessage {
  jobId: string;
  batch: number;
  cursor?: string;
}

const INTERNAL = new Set(['pk', 'sk', 'type']);

export async function putReassignmentJob(job: ReassignmentJob): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.reassignment(job.id), type: 'Reassignment', ...job },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
}

export async function getReassignmentJob(id: string): Promise<ReassignmentJob | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.reassignment(id), ConsistentRead: true }),
  );
  if (!out.Item) return undefined;
  return Object.fromEntries(Object.entries(out.Item).filter(([k]) => !INTERNAL.has(k))) as ReassignmentJob;
}

/** The transaction item that counts one moved record, inside the record's own transaction. */
export function countMoved(jobId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.reassignment(jobId),
      UpdateExpression: 'SET moved = moved + :one, updatedAt = :at',
      ExpressionAttributeValues: { ':one': 1, ':at': at },
    },
  };
}

/**
 * Closes batch `batch` (skipped count, next batch or done), once: conditioned on the job still
 * expecting that batch. False when another delivery of the same message closed it already.
 */
export async function finishBatch(
  jobId: string,
  batch: number,
  outcome: { skipped: number; done: boolean; at: string },
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reassignment(jobId),
        // BATCH is a reserved word in expressions.
        UpdateExpression: `SET #batch = :next, skipped = skipped + :skipped, updatedAt = :at${outcome.done ? ', #status = :done, completedAt = :at' : ''}`,
        ConditionExpression: '#batch = :batch',
        ExpressionAttributeNames: { '#batch': 'batch', ...(outcome.done ? { '#status': 'status' } : {}) },
        ExpressionAttributeValues: {
          ':next': batch + 1,
          ':batch': batch,
          ':skipped': outcome.skipped,
          ':at': outcome.at,
          ...(outcome.done ? { ':done': 'done' } : {}),
        },
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
