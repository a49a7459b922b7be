/**
 * Wall-clock time in IANA zones, from the platform's Intl data (no library: Intl is the tz
 * database Node and every browser ship). Pure and unit-tested across DST changes; used by the
 * reminders (notifications/reminder-times.ts) and the business calendars (service/business-time.ts).
 */

export const DEFAULT_TIME_ZONE = 'UTC';

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The zone's offset from UTC (ms, east positive) at an instant. */
/** One formatter per zone: building an Intl.DateTimeFormat costs far more than using one. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function zoneOffsetMillis(zone: string, instant: number): number {
  const parts = formatterOf(zone).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time names in a zone. A time skipped by a DST change (02:30 on a
 * spring-forward night) moves forward by the gap, as a wall clock would; a repeated one
 * (autumn) is its first occurrence.
 */
export function zonedInstant(date: string, hour: number, minute: number, zone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hour, minute);
  const first = wall - zoneOffsetMillis(zone, wall);
  const second = wall - zoneOffsetMillis(zone, first);
  if (first === second) return new Date(first);
  // Two candidates around a DST change: keep the one whose wall time matches, else the later one (a gap).
  const matches = (t: number) => t + zoneOffsetMillis(zone, t) === wall;
  if (matches(first) && matches(second)) return new Date(Math.min(first, second));
  if (matches(first)) return new Date(first);
  if (matches(second)) return new Date(second);
  return new Date(Math.max(first, second));
}

/** Today's date (YYYY-MM-DD) in a zone at an instant. */
export function dateInZone(instant: Date, zone: string = DEFAULT_TIME_ZONE): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMillis(zone, instant.getTime()));
  return shifted.toISOString().slice(0, 10);
}
