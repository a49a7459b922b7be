import { describe, expect, it } from 'vitest';
import type * as z from '../../shared/domain/common/zod.js';
import { businessCalendarCreate, dueQuery } from '../../shared/domain/service/business-calendar.schema.js';

/** Each rejected field's path and message (the API answers these as `fields`). */
function issuesOf(schema: z.ZodMiniType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((i) => [i.path.map(String).join('.'), i.message]));
}

const valid = {
  name: 'Shanghai office',
  timeZone: 'Asia/Shanghai',
  hours: [
    { day: 'mon', from: '09:00', to: '12:00' },
    { day: 'mon', from: '13:00', to: '18:00' },
    { day: 'tue', from: '09:00', to: '24:00' },
  ],
  holidays: [{ date: '2026-10-01', name: '国庆节' }],
};

describe('business calendar schema', () => {
  it('accepts several windows a day, a window to midnight, and defaults holidays to none', () => {
    expect(businessCalendarCreate.safeParse(valid).success).toBe(true);
    const { holidays: _h, ...noHolidays } = valid;
    expect(businessCalendarCreate.parse(noHolidays).holidays).toEqual([]);
  });

  it('names the window that overlaps another of its day', () => {
    const overlapping = { ...valid, hours: [...valid.hours, { day: 'mon', from: '11:30', to: '14:00' }] };
    expect(issuesOf(businessCalendarCreate, overlapping)).toEqual({ 'hours.3.from': 'Overlaps mon 09:00–12:00' });
  });

  it('names a window that ends before it starts, a bad time, a bad day and a bad zone', () => {
    const bad = {
      ...valid,
      timeZone: 'Mars/Olympus',
      hours: [
        { day: 'mon', from: '18:00', to: '09:00' },
        { day: 'mon', from: '9:00', to: '10:00' },
        { day: 'someday', from: '09:00', to: '10:00' },
      ],
    };
    const issues = issuesOf(businessCalendarCreate, bad);
    expect(Object.keys(issues).sort()).toEqual(['hours.0.to', 'hours.1.from', 'hours.2.day', 'timeZone']);
    expect(issues['hours.0.to']).toBe('Must be after 18:00');
  });

  it('names a bad holiday date and a date listed twice', () => {
    const bad = {
      ...valid,
      holidays: [
        { date: '2026-02-30', name: 'Not a day' },
        { date: '2026-10-01', name: 'National Day' },
        { date: '2026-10-01', name: 'Again' },
      ],
    };
    expect(issuesOf(businessCalendarCreate, bad)).toEqual({
      'holidays.0.date': 'Must be a date YYYY-MM-DD, e.g. 2026-10-01',
      'holidays.2.date': '2026-10-01 is listed twice',
    });
  });

  it('takes extra working days (调休) and names one that overlaps another of its date', () => {
    const workdays = [
      { date: '2026-10-10', from: '09:00', to: '18:00' },
      { date: '2026-10-10', from: '17:00', to: '19:00' },
      { date: '2026-10-11', from: '09:00', to: '08:00' },
    ];
    expect(businessCalendarCreate.parse(valid).workdays).toEqual([]);
    expect(issuesOf(businessCalendarCreate, { ...valid, workdays })).toEqual({
      'workdays.1.from': 'Overlaps 2026-10-10 09:00–18:00',
      'workdays.2.to': 'Must be after 09:00',
    });
  });

  it('needs at least one window and rejects unknown fields', () => {
    expect(Object.keys(issuesOf(businessCalendarCreate, { ...valid, hours: [] }))).toEqual(['hours']);
    expect(businessCalendarCreate.safeParse({ ...valid, colour: 'red' }).success).toBe(false);
  });
});

describe('due preview query', () => {
  it('takes an instant with its zone and whole minutes', () => {
    const parsed = dueQuery.parse({ from: '2026-12-04T17:30:00+08:00', minutes: '90' });
    expect(parsed).toEqual({ from: new Date('2026-12-04T09:30:00Z'), minutes: 90 });
  });

  it('refuses a date without a time, a time without a zone, and bad minutes', () => {
    expect(Object.keys(issuesOf(dueQuery, { from: '2026-12-04', minutes: '1' }))).toEqual(['from']);
    expect(Object.keys(issuesOf(dueQuery, { from: '2026-12-04T17:30', minutes: '1' }))).toEqual(['from']);
    for (const minutes of ['-1', '1.5', 'abc', '999999999'])
      expect(Object.keys(issuesOf(dueQuery, { from: '2026-12-04T17:30:00Z', minutes }))).toEqual(['minutes']);
  });
});
