import { describe, expect, it } from 'vitest';
import { bucketOf, bucketRange, dayBounds } from '../../shared/domain/work/my-tasks.js';

describe("my tasks: the caller's day", () => {
  it.each([
    // [now, zone, start of day, start of next day]
    ['2026-03-10T15:59:59.999Z', 'Asia/Shanghai', '2026-03-09T16:00:00.000Z', '2026-03-10T16:00:00.000Z'],
    ['2026-03-10T16:00:00.000Z', 'Asia/Shanghai', '2026-03-10T16:00:00.000Z', '2026-03-11T16:00:00.000Z'],
    ['2026-03-10T03:59:59.999Z', 'America/New_York', '2026-03-09T04:00:00.000Z', '2026-03-10T04:00:00.000Z'],
    ['2026-03-10T12:00:00.000Z', 'UTC', '2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z'],
  ])('at %s in %s the day runs from %s to %s', (now, tz, start, end) => {
    expect(dayBounds(new Date(now), tz)).toEqual({ start, end });
  });

  it('a spring-forward day in New York is 23 hours long', () => {
    const { start, end } = dayBounds(new Date('2026-03-08T15:00:00.000Z'), 'America/New_York');
    expect(start).toBe('2026-03-08T05:00:00.000Z');
    expect(end).toBe('2026-03-09T04:00:00.000Z');
    expect(Date.parse(end) - Date.parse(start)).toBe(23 * 3_600_000);
  });

  it('a fall-back day in Berlin is 25 hours long', () => {
    const { start, end } = dayBounds(new Date('2026-10-25T12:00:00.000Z'), 'Europe/Berlin');
    expect(Date.parse(end) - Date.parse(start)).toBe(25 * 3_600_000);
  });
});

describe('my tasks: buckets at midnight boundaries', () => {
  // 23:30 on 10 March in Shanghai; the same instant is still the morning of 10 March in New York.
  const now = new Date('2026-03-10T15:30:00.000Z');

  it.each([
    ['2026-03-09T15:59:59.999Z', 'Asia/Shanghai', 'overdue'],
    ['2026-03-09T16:00:00.000Z', 'Asia/Shanghai', 'today'],
    ['2026-03-10T15:59:59.999Z', 'Asia/Shanghai', 'today'],
    ['2026-03-10T16:00:00.000Z', 'Asia/Shanghai', 'upcoming'],
    ['2026-03-10T16:00:00.000Z', 'America/New_York', 'today'],
    ['2026-03-10T03:59:59.999Z', 'America/New_York', 'overdue'],
    ['2026-03-11T04:00:00.000Z', 'America/New_York', 'upcoming'],
    ['2026-03-10T01:00:00+08:00', 'Asia/Shanghai', 'today'],
  ])('a task due at %s is %s in %s', (dueAt, tz, bucket) => {
    expect(bucketOf(dueAt, now, tz)).toBe(bucket);
  });

  it('a task due earlier today is still today, not overdue', () => {
    expect(bucketOf('2026-03-10T01:00:00.000Z', now, 'Asia/Shanghai')).toBe('today');
  });

  it('bucket ranges hold exactly the sort keys of their bucket and meet without a gap', () => {
    const tz = 'Asia/Shanghai';
    const key = (dueAt: string) => `${dueAt}#3f2a9c1e-0000-4000-8000-000000000000`;
    const inRange = (k: string, r: { from?: string; to?: string }) =>
      (r.from === undefined || k >= r.from) && (r.to === undefined || k <= r.to);
    const overdue = bucketRange('overdue', now, tz);
    const today = bucketRange('today', now, tz);
    const upcoming = bucketRange('upcoming', now, tz);
    for (const dueAt of [
      '2026-03-09T15:59:59.999Z',
      '2026-03-09T16:00:00.000Z',
      '2026-03-10T15:59:59.999Z',
      '2026-03-10T16:00:00.000Z',
    ]) {
      const k = key(dueAt);
      const hits = [overdue, today, upcoming].filter((r) => inRange(k, r));
      expect(hits, dueAt).toHaveLength(1);
      const expected = bucketOf(dueAt, now, tz);
      expect(inRange(k, bucketRange(expected, now, tz)), dueAt).toBe(true);
    }
  });
});
