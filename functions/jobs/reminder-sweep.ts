import type { ScheduledEvent } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { remindersDueSource } from '../../shared/db/keys.notifications.js';
import { queryPage } from '../../shared/db/query.js';
import { fireReminder, type ReminderItem } from '../../shared/db/reminders.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/** At most this many reminders fire per run; the next run (minutes later) takes the rest. */
const MAX_PER_RUN = 500;
const PAGE = 100;

export interface SweepResult {
  fired: number;
  /** Already fired, moved or cleared since the query read them. */
  skipped: number;
  /** Write failed (throttled, unavailable): the reminder stays due and fires on a later run. */
  failed: number;
}

/**
 * Fires every reminder due at the scheduled time (contract.expiring, task.due, ...). It reads
 * only the due index (gsi3 REMINDER#DUE, sort key ≤ the event time), so its cost follows the
 * number due, not the table size. Each reminder is fired by one conditional transaction
 * (shared/db/reminders.ts): running the sweep twice, or retrying a failed run, announces
 * nothing twice; a failed write loses nothing, because the reminder is only deleted together
 * with its announcement.
 */
export async function handler(event: Pick<ScheduledEvent, 'time'>): Promise<SweepResult> {
  const now = new Date(event.time);
  const result: SweepResult = { fired: 0, skipped: 0, failed: 0 };
  let cursor: string | undefined;
  let seen = 0;
  do {
    const page = await queryPage<ReminderItem & Record<string, unknown>>(remindersDueSource(now.toISOString()), {
      limit: Math.min(PAGE, MAX_PER_RUN - seen),
      cursor,
      forward: true,
    });
    seen += page.items.length;
    for (const reminder of page.items) {
      try {
        if (await fireReminder(reminder, now)) result.fired++;
        else result.skipped++;
      } catch (error) {
        result.failed++;
        logger.warn('reminder not fired; it stays due', {
          entity: reminder.entity,
          entityId: reminder.entityId,
          offset: reminder.offset,
          error: (error as Error).name,
        });
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor && seen < MAX_PER_RUN);
  logger.info('reminder sweep done', { ...result, at: now.toISOString() });
  return result;
}
