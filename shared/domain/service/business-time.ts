import { dateInZone, zonedInstant } from '../common/zoned-time.js';

/**
 * Business time: when N minutes of a calendar's open hours have passed, and how many open
 * minutes lie between two instants. Pure (no clock, no I/O) and the only place SLA due times are
 * computed, by the API's due preview and by the ticket timers alike.
 *
 * A calendar is wall-clock windows per weekday in an IANA zone, so 09:00–18:00 stays 09:00–18:00
 * across a DST change; a window that a change shortens or lengthens counts the minutes that
 * really elapse in it. Holidays close a whole local day; a yearly one recurs on its month and day.
 * An extra workday (调休) opens a date with its own windows, whatever the weekday or holiday.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface BusinessWindow {
  day: Weekday;
  /** `HH:MM`, local wall time. */
  from: string;
  /** `HH:MM` after `from`; `24:00` closes at midnight. */
  to: string;
}

export interface Holiday {
  /** `YYYY-MM-DD`, a local date. */
  date: string;
  name: string;
  /** Recurs every year on the same month and day (e.g. New Year's Day). */
  yearly?: boolean;
}

/**
 * A date that is worked against the weekly pattern: China's make-up working days (调休), a
 * Saturday that is a workday after a long holiday. Its windows replace that date's weekly ones
 * and win over a holiday on the same date.
 */
export interface ExtraWorkday {
  date: string;
  from: string;
  to: string;
}

export interface BusinessHours {
  timeZone: string;
  hours: readonly BusinessWindow[];
  holidays: readonly Holiday[];
  workdays?: readonly ExtraWorkday[];
}

/** Round the clock, every day: the calendar of a policy without one (24×7). */
export const ALWAYS_OPEN: BusinessHours = {
  timeZone: 'UTC',
  hours: WEEKDAYS.map((day) => ({ day, from: '00:00', to: '24:00' })),
  holidays: [],
};

const MINUTE = 60_000;
/** Days searched for open hours before giving up: more than any real calendar closes in a row. */
const MAX_CLOSED_DAYS = 3 * 366;

export class NoBusinessHoursError extends Error {
  constructor() {
    super(`The calendar has no open hours in ${MAX_CLOSED_DAYS} days`);
  }
}

/** Minutes since local midnight: `09:30` → 570, `24:00` → 1440. */
export function minuteOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** The weekday of a local date (`2026-12-04` → `fri`). */
export function weekdayOf(date: string): Weekday {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  return WEEKDAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7]!;
}

function nextDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function isHoliday(calendar: BusinessHours, date: string): boolean {
  return calendar.holidays.some((h) => h.date === date || (h.yearly === true && h.date.slice(5) === date.slice(5)));
}

/** One open stretch, as instants (ms). */
interface Interval {
  start: number;
  end: number;
}

function instantAt(date: string, time: string, zone: string): number {
  const minutes = minuteOfDay(time);
  return zonedInstant(date, Math.floor(minutes / 60), minutes % 60, zone).getTime();
}

/**
 * The calendar's open intervals in time order, from the local day that contains `from`. Endless
 * for a calendar with open hours; throws after MAX_CLOSED_DAYS closed days in a row otherwise.
 */
function* openIntervals(calendar: BusinessHours, from: number): Generator<Interval> {
  let date = dateInZone(new Date(from), calendar.timeZone);
  let closedDays = 0;
  for (;;) {
    const extra = (calendar.workdays ?? []).filter((w) => w.date === date);
    const windows = (
      extra.length ? extra : isHoliday(calendar, date) ? [] : calendar.hours.filter((w) => w.day === weekdayOf(date))
    ).toSorted((a, b) => minuteOfDay(a.from) - minuteOfDay(b.from));
    closedDays = windows.length ? 0 : closedDays + 1;
    if (closedDays > MAX_CLOSED_DAYS) throw new NoBusinessHoursError();
    for (const w of windows) {
      const interval = {
        start: instantAt(date, w.from, calendar.timeZone),
        end: instantAt(date, w.to, calendar.timeZone),
      };
      if (interval.end > interval.start) yield interval;
    }
    date = nextDate(date);
  }
}

/**
 * The instant at which `minutes` business minutes have passed since `from`. Zero minutes is
 * `from` itself; otherwise the clock runs only inside open hours (a ticket created Friday 17:30
 * with 09:00–18:00 hours and 60 minutes is due Monday 09:30).
 */
export function addBusinessMinutes(calendar: BusinessHours, from: Date, minutes: number): Date {
  return addBusinessMillis(calendar, from, Math.max(0, minutes) * MINUTE);
}

/** Whole business minutes between two instants (0 when `to` is not after `from`). */
export function businessMinutesBetween(calendar: BusinessHours, from: Date, to: Date): number {
  return Math.floor(businessMillisBetween(calendar, from, to) / MINUTE);
}

function addBusinessMillis(calendar: BusinessHours, from: Date, millis: number): Date {
  let remaining = millis;
  if (remaining <= 0) return new Date(from);
  for (const interval of openIntervals(calendar, from.getTime())) {
    const start = Math.max(interval.start, from.getTime());
    if (start >= interval.end) continue;
    const available = interval.end - start;
    if (remaining <= available) return new Date(start + remaining);
    remaining -= available;
  }
  throw new NoBusinessHoursError(); // unreachable: openIntervals never ends without throwing
}

function businessMillisBetween(calendar: BusinessHours, from: Date, to: Date): number {
  if (to.getTime() <= from.getTime()) return 0;
  let total = 0;
  for (const interval of openIntervals(calendar, from.getTime())) {
    if (interval.start >= to.getTime()) break;
    const start = Math.max(interval.start, from.getTime());
    const end = Math.min(interval.end, to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

/** Whether the calendar is open at an instant. */
export function isOpenAt(calendar: BusinessHours, at: Date): boolean {
  for (const interval of openIntervals(calendar, at.getTime())) {
    if (interval.start > at.getTime()) return false;
    if (at.getTime() < interval.end) return true;
  }
  return false;
}
