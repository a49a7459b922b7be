import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { auditRecord } from '../../shared/db/audit.js';
import { getRecord, purgeRecord } from '../../shared/db/customer-records.repository.js';
import { logger } from '../../shared/http/logger.js';
import type { PurgeMessage } from './purge-sweep.js';

parseConfigAtColdStart();

const SYSTEM = { userId: 'system', name: 'Cirrus (retention)' };
const processor = new BatchProcessor(EventType.SQS);

/**
 * Purges one queued record for good, with a `purged` audit record in the same transaction.
 * Idempotent: a record already purged, restored, or deleted again after the cutoff is left alone.
 */
export async function purgeOne(message: PurgeMessage, now = new Date()): Promise<'purged' | 'skipped'> {
  const record = await getRecord(message.kind, message.id);
  if (!record?.deletedAt || record.deletedAt >= message.cutoff) return 'skipped';
  const audit = auditRecord({
    kind: message.kind,
    entityId: record.id,
    entityName: record.name,
    action: 'purged',
    actor: SYSTEM,
    changes: [],
    at: now.toISOString(),
  });
  return (await purgeRecord(message.kind, record, audit)) ? 'purged' : 'skipped';
}

async function recordHandler(record: SQSRecord): Promise<void> {
  const outcome = await purgeOne(JSON.parse(record.body) as PurgeMessage);
  logger.info('purge', { outcome, messageId: record.messageId });
}

/** SQS consumer: failed messages are reported one by one and come back after the visibility timeout. */
export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  return processPartialResponse(event, recordHandler, processor);
}
