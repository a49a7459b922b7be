import { type Key, type ListSource, TYPE } from './keys.core.js';

/**
 * Keys of the forecast context: quotas. Forecast figures have no items of their own: they are
 * read from the deals' close-month index and per-stage totals (keys.deals.ts).
 *
 * Base table
 * | item                     | pk               | sk        |
 * |--------------------------|------------------|-----------|
 * | quota of a rep, a month  | QUOTA#<userId>   | <YYYY-MM> |
 *
 * Overloaded GSIs (all project ALL attributes)
 * | index | pk                  | sk                 | access pattern                                         |
 * |-------|---------------------|--------------------|--------------------------------------------------------|
 * | table | QUOTA#<userId>      | <YYYY-MM>          | a rep's quotas over a period: one Query, sk BETWEEN     |
 * | gsi1  | QUOTA#YEAR#<YYYY>   | <YYYY-MM>#<userId> | everyone's quotas of a month or quarter: one Query,     |
 * |       |                     |                    | sk BETWEEN (a period never spans two years)             |
 * A team's quotas (a manager's scope) are read by key: the members' quota keys of the period in
 * one BatchGetItem (the members come from the staff directory), so the scope is the keys asked
 * for, never a filter after reading. A quarter's quota is the sum of its three months.
 */

const QUOTA = TYPE.quota;

export const forecastKeys = {
  quota: (userId: string, month: string): Key => ({ pk: `${QUOTA}#${userId}`, sk: month }),
};

const yearPartition = (month: string) => `${QUOTA}#YEAR#${month.slice(0, 4)}`;

/** The GSI attributes of a quota: its place in its year's company-wide list. */
export function quotaIndexKeys(q: { userId: string; month: string }): Record<string, string> {
  return { gsi1pk: yearPartition(q.month), gsi1sk: `${q.month}#${q.userId}` };
}

/** A rep's quotas from `first` to `last` month (inclusive), on the base table. */
export function repQuotasSource(userId: string, first: string, last: string): ListSource {
  return { index: 'table', pk: `${QUOTA}#${userId}`, skRange: { from: first, to: last } };
}

/** Every rep's quotas from `first` to `last` month of one year (gsi1); '~' sorts after any user id. */
export function periodQuotasSource(first: string, last: string): ListSource {
  if (first.slice(0, 4) !== last.slice(0, 4)) throw new RangeError('A quota period lies within one year');
  return { index: 'gsi1', pk: yearPartition(first), skRange: { from: `${first}#`, to: `${last}#~` } };
}
