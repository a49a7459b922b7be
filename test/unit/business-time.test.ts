import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALWAYS_OPEN,
  addBusinessMinutes,
  type BusinessHours,
  businessMinutesBetween,
  isOpenAt,
  NoBusinessHoursError,
  WEEKDAYS,
  weekdayOf,
} from '../../shared/domain/service/business-time.js';

const WORKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;
const shanghai = (from: string, to: string, holidays: BusinessHours['holidays'] = []): BusinessHours => ({
  timeZone: 'Asia/Shanghai',
  hours: WORKDAYS.map((day) => ({ day, from, to })),
  holidays,
});
/** An instant written in Shanghai wall time (UTC+8, no DST). */
const cst = (local: string) => new Date(`${local}:00+08:00`);
const iso = (d: Date) => d.toISOString();

describe('addBusinessMinutes', () => {
  it('carries a ticket created after closing on Friday to Monday morning', () => {
    // 2026-12-04 is a Friday: 17:30 is after 17:00, so 90 minutes run Monday 09:00–10:30.
    expect(weekdayOf('2026-12-04')).toBe('fri');
    expect(iso(addBusinessMinutes(shanghai('09:00', '17:00'), cst('2026-12-04T17:30'), 90))).toBe(
      iso(cst('2026-12-07T10:30')),
    );
  });

  it('runs inside the hours and across a night', () => {
    const cal = shanghai('09:00', '18:00');
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T10:00'), 30))).toBe(iso(cst('2026-12-01T10:30')));
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T17:30'), 60))).toBe(iso(cst('2026-12-02T09:30')));
    // Before opening, the clock starts at opening time.
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T06:00'), 15))).toBe(iso(cst('2026-12-01T09:15')));
    // Exactly the rest of the day ends at closing time, not the next morning.
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T17:00'), 60))).toBe(iso(cst('2026-12-01T18:00')));
  });

  it('skips the gap between several windows of one day', () => {
    const cal: BusinessHours = {
      timeZone: 'Asia/Shanghai',
      hours: [
        { day: 'tue', from: '13:00', to: '18:00' },
        { day: 'tue', from: '09:00', to: '12:00' },
      ],
      holidays: [],
    };
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T11:30'), 60))).toBe(iso(cst('2026-12-01T13:30')));
    // Tuesday's 8 hours used up: the next Tuesday.
    expect(iso(addBusinessMinutes(cal, cst('2026-12-01T09:00'), 8 * 60 + 1))).toBe(iso(cst('2026-12-08T09:01')));
  });

  it('closes holidays, and a yearly holiday every year', () => {
    // National Day 2026-10-01 is a Thursday.
    const cal = shanghai('09:00', '18:00', [{ date: '2026-10-01', name: '国庆节' }]);
    expect(iso(addBusinessMinutes(cal, cst('2026-09-30T17:00'), 120))).toBe(iso(cst('2026-10-02T10:00')));
    const yearly = shanghai('09:00', '18:00', [{ date: '2020-01-01', name: 'New Year', yearly: true }]);
    // 2027-01-01 is a Friday: closed, so Thursday 17:30 + 60 is Monday 09:30.
    expect(iso(addBusinessMinutes(yearly, cst('2026-12-31T17:30'), 60))).toBe(iso(cst('2027-01-04T09:30')));
    // A one-off holiday does not recur.
    expect(iso(addBusinessMinutes(cal, cst('2027-09-30T17:00'), 120))).toBe(iso(cst('2027-10-01T10:00')));
  });

  it('opens an extra working day (调休) with its own hours, even a weekend or a holiday', () => {
    const cal: BusinessHours = {
      ...shanghai('09:00', '18:00', [{ date: '2026-10-08', name: '国庆节' }]),
      workdays: [
        { date: '2026-10-10', from: '09:00', to: '12:00' },
        { date: '2026-10-08', from: '13:00', to: '18:00' },
      ],
    };
    // Friday 2026-10-09 17:30 + 60: half an hour on Friday, then Saturday's make-up morning.
    expect(iso(addBusinessMinutes(cal, cst('2026-10-09T17:30'), 60))).toBe(iso(cst('2026-10-10T09:30')));
    // Saturday's make-up day ends at 12:00; the rest runs on Monday.
    expect(iso(addBusinessMinutes(cal, cst('2026-10-10T11:30'), 60))).toBe(iso(cst('2026-10-12T09:30')));
    // On the holiday itself only the extra afternoon is open.
    expect(isOpenAt(cal, cst('2026-10-08T10:00'))).toBe(false);
    expect(isOpenAt(cal, cst('2026-10-08T14:00'))).toBe(true);
  });

  it('keeps wall-clock hours across DST changes (America/New_York)', () => {
    const daily: BusinessHours = {
      timeZone: 'America/New_York',
      hours: WEEKDAYS.map((day) => ({ day, from: '09:00', to: '17:00' })),
      holidays: [],
    };
    // Saturday 2026-03-07 16:00 EST; Sunday opens 09:00 EDT (13:00Z) after the spring change.
    expect(iso(addBusinessMinutes(daily, new Date('2026-03-07T21:00:00Z'), 120))).toBe('2026-03-08T14:00:00.000Z');
    // Autumn: Sunday 2026-11-01 opens 09:00 EST (14:00Z).
    expect(iso(addBusinessMinutes(daily, new Date('2026-10-31T20:00:00Z'), 120))).toBe('2026-11-01T15:00:00.000Z');
  });

  it('counts the minutes that really elapse in a window a DST change shortens or lengthens', () => {
    const night = (day: 'sun', from: string, to: string): BusinessHours => ({
      timeZone: 'America/New_York',
      hours: [{ day, from, to }],
      holidays: [],
    });
    // 01:00–04:00 on the spring-forward night is two real hours (02:00–03:00 does not exist).
    const spring = night('sun', '01:00', '04:00');
    expect(businessMinutesBetween(spring, new Date('2026-03-08T00:00:00Z'), new Date('2026-03-09T00:00:00Z'))).toBe(
      120,
    );
    // 00:00–03:00 on the fall-back night is four real hours (01:00–02:00 happens twice).
    const autumn = night('sun', '00:00', '03:00');
    expect(businessMinutesBetween(autumn, new Date('2026-11-01T00:00:00Z'), new Date('2026-11-02T00:00:00Z'))).toBe(
      240,
    );
  });

  it('is plain addition on the 24×7 calendar, and zero minutes is the start itself', () => {
    const from = new Date('2026-12-04T17:30:12.345Z');
    expect(iso(addBusinessMinutes(ALWAYS_OPEN, from, 600))).toBe('2026-12-05T03:30:12.345Z');
    expect(iso(addBusinessMinutes(shanghai('09:00', '18:00'), from, 0))).toBe(iso(from));
  });

  it('fails plainly for a calendar without open hours instead of looping', () => {
    const closed: BusinessHours = { timeZone: 'UTC', hours: [], holidays: [] };
    expect(() => addBusinessMinutes(closed, new Date('2026-12-04T00:00:00Z'), 1)).toThrow(NoBusinessHoursError);
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open minutes', () => {
    const cal = shanghai('09:00', '18:00');
    // Friday 17:00 → Monday 10:00: one hour on Friday, one on Monday.
    expect(businessMinutesBetween(cal, cst('2026-12-04T17:00'), cst('2026-12-07T10:00'))).toBe(120);
    expect(businessMinutesBetween(cal, cst('2026-12-07T10:00'), cst('2026-12-04T17:00'))).toBe(0);
    expect(businessMinutesBetween(cal, cst('2026-12-05T10:00'), cst('2026-12-06T10:00'))).toBe(0);
  });

  it('is the inverse of addBusinessMinutes, in any zone and at any start', () => {
    const zones = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'UTC'];
    const window = fc
      .tuple(fc.constantFrom(...WEEKDAYS), fc.integer({ min: 0, max: 22 }), fc.integer({ min: 1, max: 8 }))
      .map(([day, start, length]) => ({
        day,
        from: `${String(start).padStart(2, '0')}:00`,
        to: `${String(Math.min(24, start + length)).padStart(2, '0')}:00`,
      }));
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(window, { minLength: 1, maxLength: 4 }),
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 5_000 }),
        (timeZone, hours, from, minutes) => {
          // Overlapping windows are refused by the schema; keep one window per weekday here.
          const unique = hours.filter((w, i) => hours.findIndex((o) => o.day === w.day) === i);
          const cal: BusinessHours = { timeZone, hours: unique, holidays: [] };
          const due = addBusinessMinutes(cal, from, minutes);
          expect(due.getTime()).toBeGreaterThan(from.getTime());
          expect(businessMinutesBetween(cal, from, due)).toBe(minutes);
        },
      ),
      { seed: 20261204, numRuns: 200 },
    );
  });
});

describe('isOpenAt', () => {
  it('is open inside a window and closed outside, at the edges too', () => {
    const cal = shanghai('09:00', '18:00');
    expect(isOpenAt(cal, cst('2026-12-04T09:00'))).toBe(true);
    expect(isOpenAt(cal, cst('2026-12-04T17:59'))).toBe(true);
    expect(isOpenAt(cal, cst('2026-12-04T18:00'))).toBe(false);
    expect(isOpenAt(cal, cst('2026-12-05T12:00'))).toBe(false);
  });
});
