import { id } from '../common/fields.js';
import * as z from '../common/zod.js';
import { isPeriod } from './period.js';

/**
 * Quotas: what a rep is expected to win in a calendar month, in one currency. A quarter's quota
 * is the sum of its months. Managers set the quotas of their teams' members, admins anyone's;
 * every change is audited (entity `quota`, id `<userId>.<month>`).
 */

export const period = z.string().check(z.refine(isPeriod, 'Must be a month (2026-11) or a quarter (2026-Q4)'));
export const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month such as 2026-11'));
export const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 currency code such as USD'));
/** Minor units; a quota above a trillion is a typo, not a plan. */
export const money = z.int().check(z.gte(0, 'Must be 0 or more'), z.lte(1e12, 'Too large'));

/** One PUT writes at most this many quotas: each is two items of one transaction (quota + audit). */
export const MAX_QUOTAS_PER_PUT = 50;

export const quotaQuery = z.strictObject({ period });
export type QuotaQuery = z.infer<typeof quotaQuery>;

/** Query of PUT /api/quotas: with a period, every quota set must fall in it (the editor's view). */
export const quotaPutQuery = z.strictObject({ period: z.optional(period) });

export const quotaSet = z.strictObject({
  userId: id,
  month,
  amount: money,
  currency,
  /** The version being replaced; absent when the quota is new. */
  version: z.optional(z.int().check(z.positive())),
});
export type QuotaSet = z.infer<typeof quotaSet>;

export const quotaPut = z.strictObject({
  quotas: z
    .array(quotaSet)
    .check(
      z.minLength(1, 'Send at least one quota'),
      z.maxLength(MAX_QUOTAS_PER_PUT, `At most ${MAX_QUOTAS_PER_PUT} quotas at once`),
    ),
});
export type QuotaPut = z.infer<typeof quotaPut>;

export interface Quota {
  /** `<userId>.<month>`: the audit trail's entity id. */
  id: string;
  userId: string;
  /** The rep's name when the quota was set (the forecast names reps without reading the directory). */
  userName: string;
  month: string;
  amount: number;
  currency: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: { id: string; name: string };
}

export const quotaId = (userId: string, month: string) => `${userId}.${month}`;

/** A rep whose quota the caller may see (and, with quotas:manage, set). */
export interface QuotaPerson {
  id: string;
  name: string;
  teamIds: string[];
}

export interface QuotaList {
  period: string;
  months: string[];
  people: QuotaPerson[];
  items: Quota[];
}
