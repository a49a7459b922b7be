import { describe, expect, it } from 'vitest';
import {
  addMonths,
  currentMonth,
  currentQuarter,
  isPeriod,
  lastMonths,
  monthOfDate,
  monthOfInstant,
  parsePeriod,
  quarterOf,
} from '../../shared/domain/forecast/period.js';

describe('forecast periods', () => {
  it('reads a month with its UTC bounds', () => {
    expect(parsePeriod('2026-11')).toEqual({
      id: '2026-11',
      kind: 'month',
      months: ['2026-11'],
      start: '2026-11-01T00:00:00.000Z',
      end: '2026-12-01T00:00:00.000Z',
    });
  });

  it('reads a quarter as its three months, the fourth ending at the new year', () => {
    const q4 = parsePeriod('2026-Q4');
    expect(q4.months).toEqual(['2026-10', '2026-11', '2026-12']);
    expect(q4.start).toBe('2026-10-01T00:00:00.000Z');
    expect(q4.end).toBe('2027-01-01T00:00:00.000Z');
    expect(parsePeriod('2027-Q1').months).toEqual(['2027-01', '2027-02', '2027-03']);
  });

  it.each(['2026-13', '2026-00', '2026-Q5', '2026-Q0', '26-11', '2026-1', '2026-11-01', ''])('rejects %j', (value) => {
    expect(isPeriod(value)).toBe(false);
    expect(() => parsePeriod(value)).toThrow(/Not a period/);
  });

  it('puts an instant in the UTC month it falls in, whatever its offset', () => {
    expect(monthOfInstant('2026-11-30T23:30:00-05:00')).toBe('2026-12');
    expect(monthOfInstant('2026-12-01T07:30:00+08:00')).toBe('2026-11');
    expect(monthOfInstant('2026-11-30T23:59:59.999Z')).toBe('2026-11');
    expect(() => monthOfInstant('yesterday')).toThrow(/Not an instant/);
  });

  it('puts a calendar day in its own month, with no zone applied', () => {
    expect(monthOfDate('2026-11-30')).toBe('2026-11');
  });

  it('names the current month and quarter in UTC', () => {
    const lateOnNewYearsEveInNewYork = new Date('2026-12-31T23:30:00-05:00');
    expect(currentMonth(lateOnNewYearsEveInNewYork)).toBe('2027-01');
    expect(currentQuarter(lateOnNewYearsEveInNewYork)).toBe('2027-Q1');
    expect(currentQuarter(new Date('2026-09-30T23:59:59.999Z'))).toBe('2026-Q3');
  });

  it('steps months across years', () => {
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-05', -17)).toBe('2024-12');
    expect(lastMonths('2026-02', 6)).toEqual(['2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02']);
    expect(quarterOf('2026-06')).toBe('2026-Q2');
  });
});
