import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone.js';
import utc from 'dayjs/plugin/utc.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * "My tasks" in the assignee's day. The buckets split the open tasks by their due instant and
 * the caller's calendar day in their time zone, with no overlap:
 *   overdue  — due before today began (00:00 local),
 *   today    — due today (00:00 up to 24:00 local; a task due at 09:00 is still "today" at 15:00,
 *              and the console marks it late),
 *   upcoming — due after today ends.
 * Each bucket is one sort-key range of the assignee's open-task index (due time, UTC ISO).
 */
export type DueBucket = 'overdue' | 'today' | 'upcoming';

export interface DayBounds {
  /** First instant of the local day, UTC ISO. */
  start: string;
  /** First instant of the next local day, UTC ISO (exclusive end). */
  end: string;
}

/** The caller's day around `now` in `tz` (DST days are 23 or 25 hours long). */
export function dayBounds(now: Date, tz: string): DayBounds {
  const local = dayjs(now).tz(tz);
  const start = local.startOf('day');
  // Adding a calendar day in the zone, not 24 hours: a DST change keeps midnight at midnight.
  const next = dayjs.tz(start.add(1, 'day').format('YYYY-MM-DD'), tz);
  return { start: start.toDate().toISOString(), end: next.toDate().toISOString() };
}

export function bucketOf(dueAt: string, now: Date, tz: string): DueBucket {
  const { start, end } = dayBounds(now, tz);
  const due = new Date(dueAt).toISOString();
  if (due < start) return 'overdue';
  return due < end ? 'today' : 'upcoming';
}

/**
 * The due-time range of a bucket as sort-key bounds on `<dueAt>#<id>` keys: `from` inclusive,
 * `to` inclusive but placed just below the next instant ('#' sorts below any id, and an ISO
 * time's characters sort as it reads).
 */
export function bucketRange(bucket: DueBucket, now: Date, tz: string): { from?: string; to?: string } {
  const { start, end } = dayBounds(now, tz);
  switch (bucket) {
    case 'overdue':
      return { to: justBelow(start) };
    case 'today':
      return { from: start, to: justBelow(end) };
    case 'upcoming':
      return { from: end };
  }
}

/** The greatest `<dueAt>#<id>` key below an instant: everything due strictly earlier. */
function justBelow(instant: string): string {
  return `${new Date(Date.parse(instant) - 1).toISOString()}#~`;
}
