import { invalid } from '../common/errors.js';
import { formatMoney } from '../common/money.js';
import type { ReminderSpec } from '../notifications/reminder-times.js';
import {
  DEFAULT_REMINDER_HOUR,
  dateInZone,
  dayReminderDueAt,
  daysBefore,
  offsetDays,
  zonedInstant,
} from '../notifications/reminder-times.js';
import type { Contract, ContractStatus, ContractView, Installment } from './contract.schema.js';

/**
 * The pure rules of contracts: derived status, receivables maths, validation across fields and
 * the reminders an active contract carries. No I/O; `today` is a calendar date in the
 * contract's time zone (dateInZone).
 */

const DAY = 86_400_000;

/** Whole days from `from` to `to` (calendar dates): 2026-03-24 → 2026-03-31 is 7. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);
}

/**
 * What a contract is today: an active contract past its end date is `expired`, within its
 * longest reminder offset of the end `expiring`; every other status is its lifecycle.
 */
export function effectiveStatus(
  c: Pick<Contract, 'status' | 'endDate' | 'reminderOffsets'>,
  today: string,
): ContractStatus {
  if (c.status !== 'active') return c.status;
  const left = daysBetween(today, c.endDate);
  if (left < 0) return 'expired';
  const window = Math.max(0, ...c.reminderOffsets.map(offsetDays));
  return left <= window ? 'expiring' : 'active';
}

/** What the company owes under the contract in total: the schedule's sum, or the value without one. */
export function contractTotal(c: Pick<Contract, 'schedule' | 'value'>): number {
  return c.schedule.length ? c.schedule.reduce((s, i) => s + i.amount, 0) : c.value;
}

export function outstandingOf(c: Pick<Contract, 'schedule' | 'value' | 'paid'>): number {
  return Math.max(0, contractTotal(c) - c.paid);
}

/**
 * Overdue: installments due before today, less what was paid (payments settle the oldest
 * installments first). Without a schedule, the whole outstanding amount is overdue once the
 * contract has ended.
 */
export function overdueOf(c: Pick<Contract, 'schedule' | 'value' | 'paid' | 'endDate'>, today: string): number {
  if (!c.schedule.length) return c.endDate < today ? outstandingOf(c) : 0;
  const due = c.schedule.filter((i) => i.dueDate < today).reduce((s, i) => s + i.amount, 0);
  return Math.max(0, due - c.paid);
}

export function contractView(c: Contract, now: Date): ContractView {
  const today = dateInZone(now, c.timeZone);
  return {
    ...c,
    status: effectiveStatus(c, today),
    lifecycle: c.status,
    outstanding: outstandingOf(c),
    overdue: overdueOf(c, today),
    daysToEnd: daysBetween(today, c.endDate),
  };
}

/** Cross-field checks a schema cannot make; each error names its field. */
export function checkContract(
  c: Pick<Contract, 'startDate' | 'endDate' | 'value' | 'currency' | 'schedule' | 'paid'>,
): void {
  const errors: Record<string, string> = {};
  if (c.endDate < c.startDate) errors.endDate = 'Must not be before the start date';
  if (c.schedule.length) {
    const sum = c.schedule.reduce((s, i) => s + i.amount, 0);
    if (sum !== c.value) {
      const money = (minor: number) => formatMoney(minor, c.currency);
      errors.schedule = `Installments add up to ${money(sum)}; the contract value is ${money(c.value)}`;
    }
  }
  if (c.paid > contractTotal(c)) errors.value = 'Must not be less than what was already paid';
  if (Object.keys(errors).length) throw invalid(errors);
}

/** Installments sorted by due date, with stable ids (`i1`, `i2`, ... in date order). */
export function normaliseSchedule(input: readonly Omit<Installment, 'id'>[]): Installment[] {
  return [...input]
    .sort((a, b) => a.dueDate.localeCompare(b.dueDate))
    .map((i, n) => ({ id: `i${n + 1}`, dueDate: i.dueDate, amount: i.amount, ...(i.label ? { label: i.label } : {}) }));
}

/**
 * The reminders an active contract carries: one per offset (`contract.expiring`, N days before
 * the end at 09:00 in its time zone) and one the morning after the end (`contract.expired`).
 * Only those still ahead of `now`. Any other status carries none.
 */
export function contractReminders(
  c: Pick<Contract, 'status' | 'endDate' | 'reminderOffsets' | 'timeZone'>,
  now: Date,
): ReminderSpec[] {
  if (c.status !== 'active') return [];
  const data = { endDate: c.endDate };
  const specs: ReminderSpec[] = c.reminderOffsets.map((offset) => ({
    offset,
    dueAt: dayReminderDueAt(c.endDate, offset, c.timeZone),
    event: 'contract.expiring',
    data,
  }));
  specs.push({
    offset: 'end',
    dueAt: zonedInstant(daysBefore(c.endDate, -1), DEFAULT_REMINDER_HOUR, 0, c.timeZone).toISOString(),
    event: 'contract.expired',
    data,
  });
  return specs.filter((s) => Date.parse(s.dueAt) > now.getTime());
}

/** A contract's weight in its company's receivables (drafts owe nothing yet). */
export interface ReceivablesDelta {
  companyId: string;
  currency: string;
  contracted: number;
  paid: number;
  outstanding: number;
}

export function receivablesDeltas(before: Contract | undefined, after: Contract | undefined): ReceivablesDelta[] {
  const weight = (c: Contract | undefined, sign: number): ReceivablesDelta | undefined =>
    c && c.status !== 'draft'
      ? {
          companyId: c.companyId,
          currency: c.currency,
          contracted: sign * contractTotal(c),
          paid: sign * c.paid,
          outstanding: sign * outstandingOf(c),
        }
      : undefined;
  const merged = new Map<string, ReceivablesDelta>();
  for (const d of [weight(before, -1), weight(after, 1)]) {
    if (!d) continue;
    const k = `${d.companyId}#${d.currency}`;
    const prior = merged.get(k);
    merged.set(
      k,
      prior
        ? {
            ...prior,
            contracted: prior.contracted + d.contracted,
            paid: prior.paid + d.paid,
            outstanding: prior.outstanding + d.outstanding,
          }
        : d,
    );
  }
  return [...merged.values()].filter((d) => d.contracted !== 0 || d.paid !== 0 || d.outstanding !== 0);
}
