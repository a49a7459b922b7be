import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import { keys, type RecordKind } from './keys.js';
import { countOne, getRecord, putNew, type TransactItem } from './kit.js';

/**
 * A re-encryption job (CUSTOM_FIELD#REENCRYPT#<id> / JOB), started when an admin turns a built-in
 * field's sensitivity on or off: the worker brings every record of the entity to the field's
 * CURRENT setting (sealing or opening its value), one page per queue message. `batch` is the page
 * the job expects next, so a duplicate or stale message changes nothing; `updated` grows inside
 * each record's own transaction, so a redelivered page never counts twice.
 */
export interface ReencryptJob {
  id: string;
  entity: RecordKind;
  field: string;
  /** What the admin asked for: seal (sensitive on) or open (off). */
  target: 'encrypt' | 'decrypt';
  requestedBy: { id: string; name: string };
  status: 'running' | 'done';
  /** Records rewritten so far. */
  updated: number;
  /** Records read so far (pages closed). */
  scanned: number;
  batch: number;
  /** Live records first (by creation, an order a rewrite does not move), then the trash. */
  phase: 'live' | 'trash';
  createdAt: string;
  updatedAt: string;
  completedAt?: string;
}

/** One page of a job, as queued. */
export interface ReencryptMessage {
  jobId: string;
  batch: number;
  phase: 'live' | 'trash';
  cursor?: string;
}

/** The job's first write, as an item of the transaction that saves the setting. */
export function putReencryptJob(job: ReencryptJob): TransactItem {
  return putNew({ ...keys.reencryptJob(job.id), type: 'ReencryptJob', ...job });
}

export function getReencryptJob(id: string): Promise<ReencryptJob | undefined> {
  return getRecord<ReencryptJob>(keys.reencryptJob(id));
}

/** Counts one rewritten record, inside the record's own transaction. */
export function countReencrypted(jobId: string, at: string): TransactItem {
  return countOne(keys.reencryptJob(jobId), 'updated', at);
}

/**
 * Closes page `batch` once (conditioned on the job still expecting it): records read, the next
 * page's phase, or done. False when another delivery of the same message closed it already.
 */
export async function closeReencryptBatch(
  jobId: string,
  batch: number,
  outcome: { scanned: number; phase: 'live' | 'trash'; done: boolean; at: string },
): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.reencryptJob(jobId),
        UpdateExpression: `SET #batch = :next, scanned = scanned + :scanned, phase = :phase, updatedAt = :at${outcome.done ? ', #status = :done, completedAt = :at' : ''}`,
        ConditionExpression: '#batch = :batch',
        ExpressionAttributeNames: { '#batch': 'batch', ...(outcome.done ? { '#status': 'status' } : {}) },
        ExpressionAttributeValues: {
          ':next': batch + 1,
          ':batch': batch,
          ':scanned': outcome.scanned,
          ':phase': outcome.phase,
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
