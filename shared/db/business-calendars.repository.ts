import type { BusinessCalendar } from '../domain/service/business-calendar.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { calendarIndexKeys, calendarListSource, serviceKeys } from './keys.service.js';
import { getRecord, recordOf, type TransactItem, versionedPut, writeVersioned } from './kit.js';
import { queryPage } from './query.js';

/** Business calendars (keys.service.ts): one item each, written on its version with its audit record. */

export const calendarItem = (c: BusinessCalendar): Record<string, unknown> => ({
  ...serviceKeys.calendar(c.id),
  type: 'BusinessCalendar',
  ...c,
  ...calendarIndexKeys(c),
});

export const getCalendar = (id: string) => getRecord<BusinessCalendar>(serviceKeys.calendar(id));

/** The calendars by name, a page at a time (one Query of gsi2). */
export async function listCalendars(query: { limit: number; cursor?: string }) {
  const page = await queryPage<Record<string, unknown>>(calendarListSource, { ...query, forward: true });
  return { items: page.items.map((i) => recordOf<BusinessCalendar>(i)), nextCursor: page.nextCursor };
}

/**
 * Writes a calendar's next state on the version read (`before` undefined: a create), with its
 * audit record and any extra item (a stored Idempotency-Key answer) in one transaction.
 */
export async function writeCalendar(
  before: BusinessCalendar | undefined,
  after: BusinessCalendar,
  audit: AuditRecord,
  extra: TransactItem[] = [],
): Promise<void> {
  await writeVersioned(
    [versionedPut(calendarItem(after), before?.version), putAudit(audit), ...extra],
    'businessCalendar',
  );
}
