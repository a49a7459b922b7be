import { describe, expect, it } from 'vitest';
import { nextRun } from '../../infra/local/scheduler.js';
import { manifest } from '../../infra/manifest.js';

/** A Sunday mid-morning, UTC. */
const SUNDAY = new Date('2026-05-10T10:30:00.000Z');

describe('nextRun', () => {
  it.each([
    ['rate(1 minute)', '2026-05-10T10:31:00.000Z'],
    ['rate(5 minutes)', '2026-05-10T10:35:00.000Z'],
    ['rate(1 hour)', '2026-05-10T11:30:00.000Z'],
    ['rate(12 hours)', '2026-05-10T22:30:00.000Z'],
    ['rate(1 day)', '2026-05-11T10:30:00.000Z'],
    ['rate(7 days)', '2026-05-17T10:30:00.000Z'],
  ])('runs %s at %s', (expression, next) => {
    expect(nextRun(expression, SUNDAY).toISOString()).toBe(next);
  });

  it.each([
    ['cron(0 3 * * ? *)', 'the next 03:00 UTC', SUNDAY, '2026-05-11T03:00:00.000Z'],
    [
      'cron(0 3 * * ? *)',
      'today at 03:00 when it is still earlier',
      new Date('2026-05-10T01:00:00Z'),
      '2026-05-10T03:00:00.000Z',
    ],
    [
      'cron(0 3 * * ? *)',
      'tomorrow when it is exactly 03:00 now',
      new Date('2026-05-10T03:00:00Z'),
      '2026-05-11T03:00:00.000Z',
    ],
    ['cron(0/15 * * * ? *)', 'the next quarter hour', SUNDAY, '2026-05-10T10:45:00.000Z'],
    ['cron(30 9 1 * ? *)', 'the first of next month', SUNDAY, '2026-06-01T09:30:00.000Z'],
    ['cron(0 0 L * ? *)', 'the last day of the month', SUNDAY, '2026-05-31T00:00:00.000Z'],
    ['cron(0 0 L * ? *)', 'the 28th in a February', new Date('2026-02-10T00:00:00Z'), '2026-02-28T00:00:00.000Z'],
    ['cron(0 0 L * ? *)', 'the 29th in a leap February', new Date('2028-02-10T00:00:00Z'), '2028-02-29T00:00:00.000Z'],
    ['cron(0 12 ? * MON *)', 'the next Monday noon', SUNDAY, '2026-05-11T12:00:00.000Z'],
    ['cron(0 18 ? * MON-FRI *)', 'the next weekday evening', SUNDAY, '2026-05-11T18:00:00.000Z'],
  ])('runs %s at %s', (expression, _when, after, next) => {
    expect(nextRun(expression, after).toISOString()).toBe(next);
  });

  it('always answers a time after the given one', () => {
    for (const expression of ['rate(1 minute)', 'cron(* * * * ? *)', 'cron(30 10 * * ? *)']) {
      expect(nextRun(expression, SUNDAY).getTime()).toBeGreaterThan(SUNDAY.getTime());
    }
  });

  it.each([
    'rate(1 week)',
    'rate(1 second)',
    'rate(one hour)',
    'rate(1 hour',
    'rate(1  hour)',
    'every hour',
    'at(2026-06-01T00:00:00)',
    'cron()',
    '0 3 * * *',
    '',
  ])('throws on the unsupported expression %j', (expression) => {
    expect(() => nextRun(expression, SUNDAY)).toThrow(`Unsupported schedule expression: ${expression}`);
  });

  it('throws on a cron expression with an impossible field', () => {
    expect(() => nextRun('cron(99 3 * * ? *)', SUNDAY)).toThrow();
  });

  it.each(manifest.schedules.map((s) => [s.id, s.expression]))(
    'understands the manifest schedule %s (%s)',
    (_id, expression) => {
      expect(nextRun(expression, SUNDAY).getTime()).toBeGreaterThan(SUNDAY.getTime());
    },
  );
});

describe('nextRun with AWS cron semantics', () => {
  it.each([
    ['weekday 2 is Monday in AWS cron', 'cron(0 12 ? * 2 *)', '2026-05-11T12:00:00.000Z'],
    ['6L is the last Friday of the month', 'cron(15 10 ? * 6L *)', '2026-05-29T10:15:00.000Z'],
    ['6#3 is the third Friday', 'cron(0 9 ? * 6#3 *)', '2026-05-15T09:00:00.000Z'],
    ['named weekdays keep their meaning', 'cron(0 9 ? * MON-FRI *)', '2026-05-11T09:00:00.000Z'],
    ['a year field is honoured', 'cron(0 0 1 1 ? 2028)', '2028-01-01T00:00:00.000Z'],
  ])('%s', (_title, expression, expected) => {
    expect(nextRun(expression, SUNDAY).toISOString()).toBe(expected);
  });

  it('refuses a cron that can never run again', () => {
    expect(() => nextRun('cron(0 0 1 1 ? 2020)', SUNDAY)).toThrow(/never runs/);
  });
});
