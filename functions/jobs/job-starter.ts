import type { EventBridgeEvent } from 'aws-lambda';
import { startJob } from '../../shared/app/jobs/job-start.js';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { jobKindOf } from '../../shared/domain/jobs/job-events.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/** `<kind>.requested` → the job's first queue message (see shared/domain/jobs/job-events.ts). */
export async function handler(
  event: Pick<EventBridgeEvent<string, DomainEventDetail>, 'detail-type' | 'detail'>,
): Promise<void> {
  const kind = jobKindOf(event['detail-type']);
  if (!kind) return;
  await startJob(kind, event.detail.entityId);
  logger.info('job started', { kind, jobId: event.detail.entityId });
}
