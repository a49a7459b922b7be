import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseConfigAtColdStart, required } from '../../shared/config.js';
import { auditRecord, putAudit } from '../../shared/db/audit.js';
import { getRecord, type StoredRecord, toApi } from '../../shared/db/customer-records.repository.js';
import { ownerRecordsSource } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/kit.js';
import { queryPage } from '../../shared/db/query.js';
import {
  countMoved,
  finishBatch,
  getReassignmentJob,
  moveRecordItem,
  type ReassignmentJob,
  type ReassignmentMessage,
} from '../../shared/db/reassignments.repository.js';
import { teamIdsOf } from '../../shared/db/teams.repository.js';
import { diffRecords } from '../../shared/domain/common/diff.js';
import { AppError, staleVersion } from '../../shared/domain/common/errors.js';
import { assignedTeam } from '../../shared/domain/teams/team.schema.js';
import { logger } from '../../shared/http/logger.js';
import { PageNotReady } from '../../shared/queues/page-not-ready.js';
import { sendMessages } from '../../shared/queues/sender.js';

parseConfigAtColdStart();

/** Records moved per queue message: one page of the from-owner's owner index. */
export const REASSIGN_PAGE_SIZE = 25;
const processor = new BatchProcessor(EventType.SQS);

/**
 * Moves one page of a job's records. Each record is its own transaction: an UpdateItem of only
 * the owner, team, updatedAt, version and their index keys (on the record's version; the rest of
 * the record is not rewritten, so this bundle needs nothing of the customers repository's
 * writes), its `updated` audit record (an ownerId change, so `<kind>.assigned` fires) and the
 * job's `moved` counter. A record already moved (a retried batch) fails its version condition,
 * is re-read and left alone, so nothing changes twice. The page after is queued before the job
 * notes it, so a crash in between repeats a harmless batch instead of losing the rest.
 */
export async function reassignBatch(message: ReassignmentMessage, now = () => new Date()): Promise<{ moved: number }> {
  const job = await getReassignmentJob(message.jobId);
  // The page before is not closed yet (this message was queued just before that): come back later.
  if (job && job.status !== 'done' && job.batch < message.batch) throw new PageNotReady(job.id, message.batch);
  // A duplicate or stale delivery: that page is closed already.
  if (!job || job.status === 'done' || job.batch !== message.batch) return { moved: 0 };
  const toTeams = await teamIdsOf(job.toOwnerId);
  const page = await queryPage<Record<string, unknown>>(ownerRecordsSource(job.kind, job.fromOwnerId), {
    limit: REASSIGN_PAGE_SIZE,
    cursor: message.cursor,
    forward: true,
  });
  let moved = 0;
  let skipped = 0;
  for (const item of page.items) {
    const outcome = await moveOne(job, toApi(item), toTeams, now().toISOString());
    if (outcome === 'moved') moved += 1;
    if (outcome === 'out_of_scope') skipped += 1;
  }
  const done = !page.nextCursor;
  if (!done) {
    const next: ReassignmentMessage = { jobId: job.id, batch: job.batch + 1, cursor: page.nextCursor! };
    await sendMessages(required('QUEUE_URL_REASSIGN'), [next]);
  }
  await finishBatch(job.id, job.batch, { skipped, done, at: now().toISOString() });
  return { moved };
}

type Outcome = 'moved' | 'out_of_scope' | 'gone';

async function moveOne(job: ReassignmentJob, seen: StoredRecord, toTeams: string[], at: string): Promise<Outcome> {
  let before: StoredRecord | undefined = seen;
  for (let attempt = 0; attempt < 3 && before; attempt++) {
    if (before.ownerId !== job.fromOwnerId || before.deletedAt) return 'gone';
    if (job.teamIds && !(before.teamId && job.teamIds.includes(before.teamId))) return 'out_of_scope';
    const teamId = assignedTeam(toTeams, [before.teamId, ...(job.teamIds ?? [])]);
    const { teamId: _old, ...rest } = before;
    const after: StoredRecord = {
      ...rest,
      ownerId: job.toOwnerId,
      ...(teamId ? { teamId } : {}),
      updatedAt: at,
      version: before.version + 1,
    };
    const audit = auditRecord({
      kind: job.kind,
      entityId: before.id,
      entityName: before.name,
      action: 'updated',
      actor: { userId: job.requestedBy.id, name: job.requestedBy.name },
      changes: diffRecords(before, after),
      at,
    });
    try {
      await transactWrite(
        [
          moveRecordItem(job.kind, before, { ownerId: job.toOwnerId, ...(teamId ? { teamId } : {}), updatedAt: at }),
          putAudit(audit),
          countMoved(job.id, at),
        ],
        () => staleVersion(job.kind),
      );
      return 'moved';
    } catch (error) {
      // Changed since the index was read (edited, or moved by an earlier delivery): read it again.
      if (!(error instanceof AppError && error.kind === 'conflict')) throw error;
      before = await getRecord(job.kind, seen.id);
    }
  }
  return 'gone';
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const message = JSON.parse(record.body) as ReassignmentMessage;
  const { moved } = await reassignBatch(message);
  logger.info('reassign batch', { jobId: message.jobId, batch: message.batch, moved });
}

/** SQS consumer: a failed batch comes back after the visibility timeout and is redone safely. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processPartialResponse(event, recordHandler, processor);
}
