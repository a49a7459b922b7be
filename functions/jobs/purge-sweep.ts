import type { ScheduledEvent } from 'aws-lambda';
import { parseConfigAtColdStart, required } from '../../shared/config.js';
import { RESTORE_WINDOW_DAYS } from '../../shared/db/customer-records.repository.js';
import { type RecordKind, trashDueSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import { logger } from '../../shared/http/logger.js';
import { sendMessages } from '../../shared/queues/sender.js';

parseConfigAtColdStart();

/** At most this many records are queued per run; the next run (an hour later) takes the rest. */
const MAX_PER_RUN = 1000;

export interface PurgeMessage {
  kind: RecordKind;
  id: string;
  version: number;
  /** The cutoff the sweep used: the worker re-checks it, so a restore in between wins. */
  cutoff: string;
}

/**
 * Finds records deleted more than 30 days before the scheduled time and queues them for purging.
 * It reads only the trash entries that are due (gsi1 <T>#DELETED, sort key below the cutoff), so
 * its cost follows the number due, not the table size. Running it twice queues the same ids
 * twice; the worker's conditional delete makes the second one a no-op.
 */
export async function handler(event: Pick<ScheduledEvent, 'time'>): Promise<{ queued: number }> {
  const at = new Date(event.time);
  const cutoff = new Date(at.getTime() - RESTORE_WINDOW_DAYS * 86_400_000).toISOString();
  let queued = 0;
  for (const kind of ['contact', 'company'] as const) {
    let cursor: string | undefined;
    do {
      const page = await queryPage<Record<string, unknown>>(trashDueSource(kind, cutoff), {
        limit: Math.min(200, MAX_PER_RUN - queued),
        cursor,
        forward: true,
      });
      const messages: PurgeMessage[] = page.items.map((i) => ({
        kind,
        id: String(i.id),
        version: Number(i.version),
        cutoff,
      }));
      await sendMessages(required('QUEUE_URL_PURGE'), messages);
      queued += messages.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && queued < MAX_PER_RUN);
  }
  logger.info('purge sweep done', { queued, cutoff });
  return { queued };
}
