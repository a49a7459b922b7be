/**
 * Forecast periods: a calendar month (`2026-11`) or a quarter (`2026-Q4`, three months). Months
 * are UTC calendar months, the same months the deals' close-month index files deals under: an
 * expected close date is a calendar day (no zone), and an actual close instant falls in the UTC
 * month it happened in (`2026-11-30T23:30:00-05:00` is 2026-12-01 04:30 UTC: December). One
 * zone for everyone keeps a deal in exactly one month partition whoever looks at it.
 */

export type PeriodKind = 'month' | 'quarter';

export interface Period {
  /** As written in the request: `2026-11` or `2026-Q4`. */
  id: string;
  kind: PeriodKind;
  /** The calendar months of the period, oldest first (`YYYY-MM`). */
  months: string[];
  /** First instant of the period (UTC, inclusive). */
  start: string;
  /** First instant after the period (UTC, exclusive). */
  end: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const QUARTER = /^(\d{4})-Q([1-4])$/;

export const PERIOD_PATTERN = /^\d{4}-((0[1-9]|1[0-2])|Q[1-4])$/;

export function isPeriod(value: string): boolean {
  return PERIOD_PATTERN.test(value);
}

const pad = (n: number) => String(n).padStart(2, '0');
const monthId = (year: number, month: number) => `${year}-${pad(month)}`;

/** `2026-11` or `2026-Q4` → its months and UTC bounds; anything else throws. */
export function parsePeriod(value: string): Period {
  const m = MONTH.exec(value);
  if (m) return period(value, 'month', Number(m[1]), Number(m[2]), 1);
  const q = QUARTER.exec(value);
  if (q) return period(value, 'quarter', Number(q[1]), (Number(q[2]) - 1) * 3 + 1, 3);
  throw new RangeError(`Not a period: ${value} (expected YYYY-MM or YYYY-Qn)`);
}

function period(id: string, kind: PeriodKind, year: number, firstMonth: number, count: number): Period {
  const months = Array.from({ length: count }, (_, i) => monthId(year, firstMonth + i));
  return {
    id,
    kind,
    months,
    start: new Date(Date.UTC(year, firstMonth - 1, 1)).toISOString(),
    end: new Date(Date.UTC(year, firstMonth - 1 + count, 1)).toISOString(),
  };
}

/** The UTC month an instant falls in; an instant with an offset is converted first. */
export function monthOfInstant(instant: string): string {
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${instant}`);
  return monthId(date.getUTCFullYear(), date.getUTCMonth() + 1);
}

/** The month of a calendar day (`2026-11-30` → `2026-11`), with no zone to apply. */
export function monthOfDate(day: string): string {
  return day.slice(0, 7);
}

export function currentMonth(now: Date): string {
  return monthId(now.getUTCFullYear(), now.getUTCMonth() + 1);
}

export function currentQuarter(now: Date): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

/** The month `offset` months after `month` (negative: before). */
export function addMonths(month: string, offset: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + offset;
  return monthId(Math.floor(index / 12), (index % 12) + 1);
}

/** The last `count` months up to and including `month`, oldest first. */
export function lastMonths(month: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addMonths(month, i - count + 1));
}

/** The quarter a month belongs to (`2026-11` → `2026-Q4`). */
export function quarterOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
}
