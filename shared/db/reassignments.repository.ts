import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './client.js';
import type { RecordKind } from './keys.js';
import { keys, ownershipIndexKeys, TEAM_INDEX_ATTRIBUTES } from './keys.js';
import { countOne, getRecord, putNew, type TransactItem } from './kit.js';

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

/** The new job, for the transaction that also writes its audit record (the job's outbox entry). */
export function putReassignmentJob(job: ReassignmentJob): TransactItem {
  return putNew({ ...keys.reassignment(job.id), type: 'Reassignment', ...job });
}

export function getReassignmentJob(id: string): Promise<ReassignmentJob | undefined> {
  return getRecord<ReassignmentJob>(keys.reassignment(id));
}

/** The transaction item that counts one moved record, inside the record's own transaction. */
export function countMoved(jobId: string, at: string): TransactItem {
  return countOne(keys.reassignment(jobId), 'moved', at);
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

/**
 * One record's move to its new owner, as an UpdateItem of only what a move changes: owner, team,
 * updatedAt, version and the owner/team index keys (the rest of the record and its other keys
 * stay as they are). Conditioned on the version read and on the record being live, so a record
 * edited meanwhile, or moved already by an earlier delivery, fails and is re-read.
 */
export function moveRecordItem(
  kind: RecordKind,
  record: { id: string; name: string; createdAt: string; version: number },
  change: { ownerId: string; teamId?: string; updatedAt: string },
): TransactItem {
  // The team is the change's only: the record's old team must not come along.
  const next = { id: record.id, name: record.name, createdAt: record.createdAt, ...change };
  // Placeholders by position (#a0, :v0, …): DynamoDB Local takes #gsi11pk and #gsi11sk for overlapping paths.
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ':version': record.version };
  const sets: string[] = [];
  const removes: string[] = [];
  const name = (attribute: string) => {
    const placeholder = `#a${Object.keys(names).length}`;
    names[placeholder] = attribute;
    return placeholder;
  };
  const set = (attribute: string, value: unknown) => {
    const placeholder = `:v${sets.length}`;
    values[placeholder] = value;
    sets.push(`${name(attribute)} = ${placeholder}`);
  };
  set('ownerId', change.ownerId);
  set('updatedAt', change.updatedAt);
  set('version', record.version + 1);
  if (change.teamId) set('teamId', change.teamId);
  else removes.push(name('teamId'), ...TEAM_INDEX_ATTRIBUTES.map(name));
  for (const [attribute, value] of Object.entries(ownershipIndexKeys(kind, next))) set(attribute, value);
  names['#version'] = 'version';
  names['#deletedAt'] = 'deletedAt';
  return {
    Update: {
      TableName: tableName(),
      Key: keys.record(kind, record.id),
      UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
      ConditionExpression: '#version = :version AND attribute_not_exists(#deletedAt)',
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
