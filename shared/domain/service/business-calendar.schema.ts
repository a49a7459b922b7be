import { isCalendarDate, isIsoDateOrDateTime } from '../common/dates.js';
import { text, version } from '../common/fields.js';
import * as z from '../common/zod.js';
import { isTimeZone } from '../common/zoned-time.js';
import { type BusinessWindow, minuteOfDay, WEEKDAYS } from './business-time.js';

/**
 * Business calendars: the open hours SLA timers run in (see business-time.ts). Windows are wall
 * times per weekday, several per day allowed (a lunch break), never overlapping; holidays close
 * whole local days.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const clock = z.string().check(z.regex(TIME, 'Must be a time HH:MM, e.g. 09:00'));
const closing = z.string().check(z.refine((v) => TIME.test(v) || v === '24:00', 'Must be a time HH:MM, up to 24:00'));

const window = z.strictObject({ day: z.enum(WEEKDAYS), from: clock, to: closing }).check(
  z.superRefine((w, ctx) => {
    if (minuteOfDay(w.to) <= minuteOfDay(w.from))
      ctx.addIssue({ code: 'custom', path: ['to'], message: `Must be after ${w.from}` });
  }),
);

const workday = z
  .strictObject({
    date: z.string().check(z.refine(isCalendarDate, 'Must be a date YYYY-MM-DD, e.g. 2026-09-27')),
    from: clock,
    to: closing,
  })
  .check(
    z.superRefine((w, ctx) => {
      if (minuteOfDay(w.to) <= minuteOfDay(w.from))
        ctx.addIssue({ code: 'custom', path: ['to'], message: `Must be after ${w.from}` });
    }),
  );

const holiday = z.strictObject({
  date: z.string().check(z.refine(isCalendarDate, 'Must be a date YYYY-MM-DD, e.g. 2026-10-01')),
  name: text(80, 1),
  yearly: z.optional(z.boolean()),
});

export const MAX_WINDOWS = 50;
export const MAX_HOLIDAYS = 400;

/** The first window of each overlapping pair, named by its index (`hours.3.from`). */
function overlaps(hours: readonly BusinessWindow[]): { index: number; other: BusinessWindow }[] {
  const found: { index: number; other: BusinessWindow }[] = [];
  hours.forEach((w, index) => {
    const other = hours.find(
      (o, j) =>
        j < index &&
        o.day === w.day &&
        minuteOfDay(o.from) < minuteOfDay(w.to) &&
        minuteOfDay(w.from) < minuteOfDay(o.to),
    );
    if (other) found.push({ index, other });
  });
  return found;
}

const hours = z.array(window).check(
  z.minLength(1, 'Needs at least one open window'),
  z.maxLength(MAX_WINDOWS, `At most ${MAX_WINDOWS} windows`),
  z.superRefine((list, ctx) => {
    for (const { index, other } of overlaps(list)) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'from'],
        message: `Overlaps ${other.day} ${other.from}–${other.to}`,
      });
    }
  }),
);

const holidays = z.array(holiday).check(
  z.maxLength(MAX_HOLIDAYS, `At most ${MAX_HOLIDAYS} holidays`),
  z.superRefine((list, ctx) => {
    list.forEach((h, i) => {
      if (list.findIndex((o) => o.date === h.date) < i)
        ctx.addIssue({ code: 'custom', path: [i, 'date'], message: `${h.date} is listed twice` });
    });
  }),
);

/** Extra working days (调休): windows on a date, never overlapping on that date. */
const workdays = z.array(workday).check(
  z.maxLength(MAX_HOLIDAYS, `At most ${MAX_HOLIDAYS} extra working days`),
  z.superRefine((list, ctx) => {
    list.forEach((w, i) => {
      const other = list.find(
        (o, j) =>
          j < i &&
          o.date === w.date &&
          minuteOfDay(o.from) < minuteOfDay(w.to) &&
          minuteOfDay(w.from) < minuteOfDay(o.to),
      );
      if (other)
        ctx.addIssue({
          code: 'custom',
          path: [i, 'from'],
          message: `Overlaps ${other.date} ${other.from}–${other.to}`,
        });
    });
  }),
);

const timeZone = z.string().check(z.refine(isTimeZone, 'Must be an IANA time zone such as Asia/Shanghai'));

export const businessCalendarCreate = z.strictObject({
  name: text(80, 1),
  timeZone,
  hours,
  holidays: z._default(holidays, []),
  workdays: z._default(workdays, []),
});
export type BusinessCalendarCreate = z.infer<typeof businessCalendarCreate>;

export const businessCalendarPatch = z.strictObject({
  name: z.optional(text(80, 1)),
  timeZone: z.optional(timeZone),
  hours: z.optional(hours),
  holidays: z.optional(holidays),
  workdays: z.optional(workdays),
  version: z.optional(version),
});
export type BusinessCalendarPatch = z.infer<typeof businessCalendarPatch>;

export type BusinessCalendar = {
  id: string;
  name: string;
  timeZone: string;
  hours: BusinessWindow[];
  holidays: { date: string; name: string; yearly?: boolean }[];
  /** Absent on calendars saved before extra working days existed. */
  workdays?: { date: string; from: string; to: string }[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/** Up to a year of business minutes: beyond that no SLA target makes sense. */
export const MAX_DUE_MINUTES = 525_600;

export const dueQuery = z.strictObject({
  from: z.pipe(
    z
      .string()
      .check(
        z.refine(
          (v) => isIsoDateOrDateTime(v) && v.includes('T'),
          'Must be an ISO instant with a zone, e.g. 2026-12-04T17:30:00+08:00',
        ),
      ),
    z.transform((v: string) => new Date(v)),
  ),
  minutes: z.pipe(
    z.coerce.number(),
    z.int().check(z.gte(0), z.lte(MAX_DUE_MINUTES, `At most ${MAX_DUE_MINUTES} minutes (a year)`)),
  ),
});
export type DueQuery = z.infer<typeof dueQuery>;
