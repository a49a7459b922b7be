import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { sealSensitive, unsealBuiltIns } from '../../shared/app/customers/sensitive-values.js';
import { parseConfigAtColdStart, required } from '../../shared/config.js';
import { auditRecord } from '../../shared/db/audit.js';
import { getCustomFieldSet } from '../../shared/db/custom-fields.repository.js';
import { getRecord, replaceRecord, type StoredRecord, toApi } from '../../shared/db/customer-records.repository.js';
import { listSource, type RecordKind, trashSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import {
  closeReencryptBatch,
  countReencrypted,
  getReencryptJob,
  type ReencryptJob,
  type ReencryptMessage,
} from '../../shared/db/reencrypt.repository.js';
import { diffRecords } from '../../shared/domain/common/diff.js';
import { AppError } from '../../shared/domain/common/errors.js';
import type { BuiltInSensitivity } from '../../shared/domain/customers/builtin-sensitivity.js';
import { maskBuiltInChanges } from '../../shared/domain/customers/builtin-sensitivity.js';
import { logger } from '../../shared/http/logger.js';
import { PageNotReady } from '../../shared/queues/page-not-ready.js';
import { sendMessages } from '../../shared/queues/sender.js';

parseConfigAtColdStart();

/** Records per queue message: one page of the entity's list index. */
export const REENCRYPT_PAGE_SIZE = 25;
const ATTEMPTS = 3;
const processor = new BatchProcessor(EventType.SQS);

/**
 * Re-encrypts one page of a job: reads the entity's records by their creation index (gsi3, an
 * order a rewrite does not move; then the trash on gsi1), and brings each to the built-in
 * fields' CURRENT sensitivity (read once per page): a plaintext value of a sensitive field is
 * sealed (a phone gets its blind index), a sealed value of a field no longer sensitive is opened.
 * A record already right is left alone, so a redelivered page rewrites nothing and a later job
 * supersedes an earlier one. Each rewrite is one transaction on the record's version (re-read and
 * retried on conflict) with its audit record (values `[encrypted]`) and the job's counter;
 * `updatedAt` is left alone (nobody edited the record). The next page is queued before the page
 * is closed, so a crash in between repeats a harmless page instead of losing the rest.
 */
export async function reencryptBatch(message: ReencryptMessage, now = () => new Date()): Promise<{ updated: number }> {
  const job = await getReencryptJob(message.jobId);
  // The page before is not closed yet (this message was queued just before that): come back later.
  if (job && job.status !== 'done' && job.batch < message.batch) throw new PageNotReady(job.id, message.batch);
  // A duplicate or stale delivery: that page is closed already.
  if (!job || job.status === 'done' || job.batch !== message.batch) return { updated: 0 };
  const builtIn = (await getCustomFieldSet(job.entity)).builtIn ?? [];
  const source = message.phase === 'live' ? listSource(job.entity, 'created') : trashSource(job.entity);
  const page = await queryPage<Record<string, unknown>>(source, {
    limit: REENCRYPT_PAGE_SIZE,
    cursor: message.cursor,
    forward: true,
  });
  let updated = 0;
  for (const item of page.items) {
    if (await reencryptOne(job, toApi(item), builtIn, now().toISOString())) updated += 1;
  }
  const next: ReencryptMessage | undefined = page.nextCursor
    ? { jobId: job.id, batch: job.batch + 1, phase: message.phase, cursor: page.nextCursor }
    : message.phase === 'live'
      ? { jobId: job.id, batch: job.batch + 1, phase: 'trash' }
      : undefined;
  if (next) await sendMessages(required('QUEUE_URL_REENCRYPT'), [next]);
  await closeReencryptBatch(job.id, job.batch, {
    scanned: page.items.length,
    phase: next?.phase ?? message.phase,
    done: !next,
    at: now().toISOString(),
  });
  return { updated };
}

/** The record as the current settings want it stored (the same object when nothing changes). */
export async function toCurrentSensitivity(
  kind: RecordKind,
  record: StoredRecord,
  builtIn: readonly BuiltInSensitivity[],
): Promise<StoredRecord> {
  const opened = await unsealBuiltIns(kind, record, builtIn);
  return sealSensitive(kind, opened, [], builtIn);
}

async function reencryptOne(
  job: ReencryptJob,
  seen: StoredRecord,
  builtIn: readonly BuiltInSensitivity[],
  at: string,
): Promise<boolean> {
  let before: StoredRecord | undefined = seen;
  for (let attempt = 0; attempt < ATTEMPTS && before; attempt++) {
    const wanted = await toCurrentSensitivity(job.entity, before, builtIn);
    const changes = maskBuiltInChanges(diffRecords(before, wanted), [
      ...builtIn,
      // The field the job is about is masked in its audit either way (sealed before or after).
      { key: job.field as BuiltInSensitivity['key'], sensitive: true, readRoles: [], version: 0 },
    ]);
    if (changes.length === 0) return false;
    const after: StoredRecord = { ...wanted, version: before.version + 1 };
    const audit = auditRecord({
      kind: job.entity,
      entityId: before.id,
      entityName: before.name,
      action: 'updated',
      actor: { userId: job.requestedBy.id, name: job.requestedBy.name },
      changes,
      at,
    });
    try {
      await replaceRecord(job.entity, before, after, audit, [countReencrypted(job.id, at)]);
      return true;
    } catch (error) {
      // Edited meanwhile (or rewritten by an earlier delivery): read it again and redo.
      if (!(error instanceof AppError && error.kind === 'conflict')) throw error;
      before = await getRecord(job.entity, seen.id);
    }
  }
  return false;
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const message = JSON.parse(record.body) as ReencryptMessage;
  const { updated } = await reencryptBatch(message);
  logger.info('reencrypt batch', { jobId: message.jobId, batch: message.batch, phase: message.phase, updated });
}

/** SQS consumer: a failed batch comes back after the visibility timeout and is redone safely. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processPartialResponse(event, recordHandler, processor);
}
