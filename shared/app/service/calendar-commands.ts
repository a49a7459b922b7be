import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { getCalendar, listCalendars, writeCalendar } from '../../db/business-calendars.repository.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, notFound, staleVersion } from '../../domain/common/errors.js';
import type {
  BusinessCalendar,
  BusinessCalendarCreate,
  BusinessCalendarPatch,
} from '../../domain/service/business-calendar.schema.js';
import { addBusinessMinutes, NoBusinessHoursError } from '../../domain/service/business-time.js';

/**
 * Business calendars (admins): the open hours SLA clocks run in. Each change writes the calendar
 * on its version with an audit record; the due preview answers what the SLA timers will compute.
 */

export async function calendarOrThrow(id: string): Promise<BusinessCalendar> {
  const calendar = await getCalendar(id);
  if (!calendar) throw notFound('businessCalendar');
  return calendar;
}

export const calendarsPage = (query: { limit: number; cursor?: string }) => listCalendars(query);

export async function createCalendar(
  input: BusinessCalendarCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  clock: Clock = systemClock,
): Promise<{ status: number; body: BusinessCalendar }> {
  const again = await replayed<BusinessCalendar>(idempotency);
  if (again) return again;
  const now = clock.now();
  const at = now.toISOString();
  const calendar: BusinessCalendar = { id: randomUUID(), ...input, version: 1, createdAt: at, updatedAt: at };
  const audit = auditRecord({
    kind: 'businessCalendar',
    entityId: calendar.id,
    entityName: calendar.name,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, calendar),
    at,
  });
  await writeCalendar(undefined, calendar, audit, storeAnswer(idempotency, 201, calendar, now.getTime()));
  return { status: 201, body: calendar };
}

export async function updateCalendar(
  id: string,
  patch: Omit<BusinessCalendarPatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<BusinessCalendar> {
  const before = await calendarOrThrow(id);
  if (before.version !== version) throw staleVersion('businessCalendar');
  const at = clock.now().toISOString();
  const after: BusinessCalendar = { ...before, ...patch, version: before.version + 1, updatedAt: at };
  const changes = diffRecords(before, after).filter((c) => c.field !== 'version' && c.field !== 'updatedAt');
  if (changes.length === 0) return before;
  const audit = auditRecord({
    kind: 'businessCalendar',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at,
  });
  await writeCalendar(before, after, audit);
  return after;
}

/** When `minutes` business minutes have passed from `from` on this calendar. */
export async function dueOn(id: string, from: Date, minutes: number): Promise<{ due: string }> {
  const calendar = await calendarOrThrow(id);
  try {
    return { due: addBusinessMinutes(calendar, from, minutes).toISOString() };
  } catch (error) {
    if (error instanceof NoBusinessHoursError) throw new AppError('unprocessable', 'businessCalendar.no_open_hours');
    throw error;
  }
}
