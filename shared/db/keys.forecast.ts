import { type Key, type ListSource, TYPE } from './keys.js';

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
 * | index | pk                   | sk        | access pattern                                          |
 * |-------|----------------------|-----------|---------------------------------------------------------|
 * | table | QUOTA#<userId>       | <YYYY-MM> | a rep's quotas over a period: one Query, sk BETWEEN      |
 * | gsi1  | QUOTA#MONTH#<YYYY-MM>| <userId>  | everyone's quotas of one month (company-wide): one Query |
 * A team's quotas (a manager's scope) are read by key: the members' quota keys of the period in
 * one BatchGetItem (the members come from the staff directory), so the scope is the keys asked
 * for, never a filter after reading. A quarter's quota is the sum of its three months.
 */

const QUOTA = TYPE.quota;

export const forecastKeys = {
  quota: (userId: string, month: string): Key => ({ pk: `${QUOTA}#${userId}`, sk: month }),
};

/** The GSI attributes of a quota: its place in the month's company-wide list. */
export function quotaIndexKeys(q: { userId: string; month: string }): Record<string, string> {
  return { gsi1pk: `${QUOTA}#MONTH#${q.month}`, gsi1sk: q.userId };
}

/** A rep's quotas from `first` to `last` month (inclusive), on the base table. */
export function repQuotasSource(userId: string, first: string, last: string): ListSource {
  return { index: 'table', pk: `${QUOTA}#${userId}`, skRange: { from: first, to: last } };
}

/** Every rep's quota of one month (gsi1). */
export function monthQuotasSource(month: string): ListSource {
  return { index: 'gsi1', pk: `${QUOTA}#MONTH#${month}` };
}
