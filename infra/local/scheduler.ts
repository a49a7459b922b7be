import { CronExpressionParser } from 'cron-parser';
import type { ScheduleDecl } from '../manifest.types.js';
import type { Invoke } from './bus.js';

/**
 * Plays EventBridge Scheduler: fires every manifest schedule on time, and lets tests fire one
 * at any instant they choose (POST /local/schedules/{id}/fire), since sweeps read the time from
 * the event rather than from the clock.
 */
export function nextRun(expression: string, after: Date): Date {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate) {
    const unit = rate[2]!.startsWith('minute') ? 60_000 : rate[2]!.startsWith('hour') ? 3_600_000 : 86_400_000;
    return new Date(after.getTime() + Number(rate[1]) * unit);
  }
  const cron = /^cron\((.+)\)$/.exec(expression);
  if (cron) return nextCronRun(cron[1]!, after);
  throw new Error(`Unsupported schedule expression: ${expression}`);
}

/**
 * AWS cron has six fields (minute hour day-of-month month day-of-week year), '?' for "any",
 * and counts weekdays 1 = Sunday … 7 = Saturday; cron-parser counts 0 = Sunday and has no year.
 */
function nextCronRun(body: string, after: Date): Date {
  const [minute, hour, dayOfMonth, month, dayOfWeek, year = '*'] = body.trim().split(/\s+/);
  const any = (f: string | undefined) => (f === undefined || f === '?' ? '*' : f);
  // Shift weekday numbers, but not the n of "6#3" (third Friday).
  const weekday = any(dayOfWeek).replace(
    /(^|[^#\d])(\d+)/g,
    (_m, lead: string, n: string) => `${lead}${Number(n) - 1}`,
  );
  const fields = [minute, hour, any(dayOfMonth), any(month), weekday].join(' ');
  const runs = CronExpressionParser.parse(fields, { currentDate: after, tz: 'UTC' });
  for (let i = 0; i < 1000; i++) {
    const next = runs.next().toDate();
    if (yearMatches(year, next.getUTCFullYear())) return next;
  }
  throw new Error(`cron(${body}) never runs after ${after.toISOString()}`);
}

function yearMatches(field: string, year: number): boolean {
  if (field === '*' || field === '?') return true;
  return field.split(',').some((part) => {
    const [from, to] = part.split('-').map(Number);
    return to === undefined ? year === from : year >= from! && year <= to;
  });
}

export function scheduledEvent(schedule: ScheduleDecl, at: Date) {
  return {
    version: '0',
    id: `${schedule.id}-${at.getTime()}`,
    'detail-type': 'Scheduled Event',
    source: 'aws.scheduler',
    account: '000000000000',
    time: at.toISOString(),
    region: 'local',
    resources: [`arn:aws:scheduler:local:000000000000:schedule/default/${schedule.id}`],
    detail: {},
  };
}

export class LocalScheduler {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  readonly runs: { id: string; at: string; ok: boolean }[] = [];

  constructor(
    private readonly schedules: readonly ScheduleDecl[],
    private readonly invoke: Invoke,
  ) {}

  start(): void {
    for (const s of this.schedules) this.arm(s, new Date());
  }

  stop(): void {
    for (const t of this.timers.values()) clearTimeout(t);
  }

  async fire(id: string, at: Date): Promise<unknown> {
    const schedule = this.schedules.find((s) => s.id === id);
    if (!schedule) throw new Error(`No schedule ${id}`);
    try {
      const result = await this.invoke(schedule.function, scheduledEvent(schedule, at));
      this.runs.push({ id, at: at.toISOString(), ok: true });
      return result;
    } catch (error) {
      this.runs.push({ id, at: at.toISOString(), ok: false });
      throw error;
    }
  }

  private arm(schedule: ScheduleDecl, after: Date): void {
    const next = nextRun(schedule.expression, after);
    // setTimeout cannot wait longer than ~24.8 days; re-arm in steps.
    const delay = Math.min(next.getTime() - Date.now(), 2 ** 31 - 1);
    const timer = setTimeout(() => {
      if (Date.now() >= next.getTime())
        void this.fire(schedule.id, next)
          .catch(() => undefined)
          .finally(() => this.arm(schedule, next));
      else this.arm(schedule, after);
    }, delay);
    timer.unref();
    this.timers.set(schedule.id, timer);
  }
}
