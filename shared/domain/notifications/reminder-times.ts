/**
 * When reminders fall due: pure functions, no clock and no AWS (unit-tested across time zones,
 * month ends and DST changes). Used by every context that schedules reminders through
 * shared/db/reminders.ts (contracts: N days before the end date; tasks: minutes before a due time).
 *
 * Offsets are short labels that also key the reminder item: `30d` (days), `2h` (hours), `15m`
 * (minutes), `0d` (on the day itself).
 */

import { DEFAULT_TIME_ZONE, zonedInstant } from '../common/zoned-time.js';

// Zone arithmetic lives in common/zoned-time.ts; these names stay importable from here.
export {
  DEFAULT_TIME_ZONE,
  dateInZone,
  isTimeZone,
  zonedInstant,
  zoneOffsetMillis,
} from '../common/zoned-time.js';

export const DEFAULT_REMINDER_HOUR = 9;

const OFFSET = /^(\d{1,3})([dhm])$/;

export function isReminderOffset(value: string): boolean {
  return OFFSET.test(value);
}

/** `30d` → 30 days; only `d` offsets make sense for day-based reminders. */
export function offsetDays(offset: string): number {
  const match = OFFSET.exec(offset);
  if (!match || match[2] !== 'd') throw new Error(`Not a day offset: ${offset}`);
  return Number(match[1]);
}

/** `15m` → 900,000 ms; `2h`, `1d` likewise (a day offset here is 24 hours, not a calendar day). */
export function offsetMillis(offset: string): number {
  const match = OFFSET.exec(offset);
  if (!match) throw new Error(`Not a reminder offset: ${offset}`);
  const unit = match[2] === 'd' ? 86_400_000 : match[2] === 'h' ? 3_600_000 : 60_000;
  return Number(match[1]) * unit;
}

/** A calendar day `days` before `date` (YYYY-MM-DD): 2026-03-31 minus 30 is 2026-03-01. */
export function daysBefore(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d - days)).toISOString().slice(0, 10);
}

/**
 * When a day-based reminder is due: `offset` days before `date`, at `hour`:00 in `zone`.
 * A contract ending 2026-03-31 with `7d` in Asia/Shanghai is due 2026-03-24T01:00:00.000Z.
 */
export function dayReminderDueAt(
  date: string,
  offset: string,
  zone: string = DEFAULT_TIME_ZONE,
  hour: number = DEFAULT_REMINDER_HOUR,
): string {
  return zonedInstant(daysBefore(date, offsetDays(offset)), hour, 0, zone).toISOString();
}

/** When an instant-based reminder is due: `offset` before `at` (a task due at 14:00 with `15m` → 13:45). */
export function instantReminderDueAt(at: string, offset: string): string {
  return new Date(new Date(at).getTime() - offsetMillis(offset)).toISOString();
}

/** A reminder as its entity keeps it; shared/db/reminders.ts writes it to the due index. */
export interface ReminderSpec {
  /** `30d`, `7d`, `1d`, `15m` (reminder-times.ts): also the reminder's key within its entity. */
  offset: string;
  /** ISO instant. */
  dueAt: string;
  /** The domain event the sweep announces, e.g. `contract.expiring`, `task.due`. */
  event: string;
  /** Values for the notification's text, e.g. `{ endDate: '2026-03-31' }` or `{ dueAt }`. */
  data?: Record<string, string>;
}
