const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time with seconds optional and a zone required: without one, the instant is a guess. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A real calendar day: Date.parse would read 2026-02-30 as 2 March. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `2026-03-01` or `2026-03-01T09:30:00+08:00`: a real day, and a date-time with its zone. */
export function isIsoDateOrDateTime(value: string): boolean {
  if (isCalendarDate(value)) return true;
  const match = ISO_DATE_TIME.exec(value);
  return Boolean(match && isCalendarDate(match[1]!) && !Number.isNaN(Date.parse(value)));
}

/**
 * The instant a date or date-time names, as a UTC ISO string (how stored times read). A bare
 * date is a UTC day: its first millisecond, or its last when it ends a range.
 */
export function toInstant(value: string, edge: 'start' | 'end'): string {
  if (isCalendarDate(value)) return `${value}T${edge === 'start' ? '00:00:00.000' : '23:59:59.999'}Z`;
  return new Date(value).toISOString();
}
