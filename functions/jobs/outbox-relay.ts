import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { manifest } from '../../infra/manifest.js';
import { parseConfigAtColdStart } from '../../shared/config.js';
import type { AuditRecord } from '../../shared/db/audit.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { type OutgoingEvent, publishEvents } from '../../shared/events/publisher.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/**
 * The outbox relay: audit records arrive from the table stream (the event source mapping lets
 * only new Audit items through) and leave as domain events on the bus. A record whose events
 * could not be put is reported as a batch item failure and retried; consumers dedupe by id.
 */
export async function handler(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
  const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
  for (const record of event.Records) {
    const image = record.dynamodb?.NewImage;
    if (record.eventName !== 'INSERT' || !image) continue;
    const audit = unmarshall(image as Record<string, AttributeValue> as never) as AuditRecord;
    if (audit.type !== 'Audit') continue;
    const detail: DomainEventDetail = {
      id: audit.id,
      entity: audit.entity,
      entityId: audit.entityId,
      entityName: audit.entityName,
      action: audit.action,
      actor: audit.actor,
      changes: audit.changes,
      at: audit.at,
    };
    const events: OutgoingEvent[] = audit.events.map((detailType) => ({
      source: manifest.eventSource,
      detailType,
      detail,
      time: audit.at,
    }));
    const failed = await publishEvents(events);
    if (failed.length > 0) {
      logger.warn('events not published; the stream batch will retry', { auditId: audit.id, failed: failed.length });
      failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' });
      // Stop here: records after a failure must not be published before it (ordering per shard).
      break;
    }
  }
  return { batchItemFailures: failures };
}
