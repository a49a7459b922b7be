import { clearable, id, pageQuery, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Deal: a sale in progress in a pipeline. Money is integer minor units (cents, fen) with an ISO
 * 4217 currency. `probability` is the stage default unless `probabilityOverride` is set (an open
 * stage only: won is 100 %, lost 0 %). `status` follows the stage kind. `stageHistory` records
 * each stage entered and left, for time in stage. Stage changes go through
 * POST /api/deals/{id}/stage, never PATCH.
 */

export const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 code such as CNY or USD'));
/** Integer minor units, up to 10^13 (a hundred billion in a 2-decimal currency). */
export const amount = z.int().check(z.gte(0, 'Must not be negative'), z.lte(10_000_000_000_000));
/** A calendar date, YYYY-MM-DD. */
export const isoDate = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'Must be a date YYYY-MM-DD'));
export const month = z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Must be a month YYYY-MM'));
export const probability = z.int().check(z.gte(0), z.lte(100));
const stageRef = z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'Must be a stage id'));
const contactIds = z.array(id).check(z.maxLength(10, 'At most 10 contacts'));

export const DEAL_STATUSES = ['open', 'won', 'lost'] as const;
export type DealStatus = (typeof DEAL_STATUSES)[number];

/** Body of POST /api/deals. Without pipelineId: the default pipeline; without stageId: its first stage. */
export const dealCreate = z.strictObject({
  name: text(200, 1),
  companyId: z.optional(id),
  contactIds: z.optional(contactIds),
  amount,
  currency,
  expectedCloseDate: isoDate,
  pipelineId: z.optional(id),
  stageId: z.optional(stageRef),
  probabilityOverride: z.optional(probability),
  ownerId: z.optional(id),
  source: z.optional(text(50)),
  nextStep: z.optional(text(500)),
  lostReason: z.optional(stageRef),
});
export type DealCreate = z.infer<typeof dealCreate>;

/** Body of PATCH /api/deals/{id}: any subset; `null` clears an optional field. */
export const dealPatch = z.strictObject({
  name: z.optional(text(200, 1)),
  companyId: clearable(id),
  contactIds: z.optional(contactIds),
  amount: z.optional(amount),
  currency: z.optional(currency),
  expectedCloseDate: z.optional(isoDate),
  probabilityOverride: clearable(probability),
  ownerId: z.optional(id),
  source: clearable(text(50)),
  nextStep: clearable(text(500)),
  version: z.optional(version),
});
export type DealPatch = z.infer<typeof dealPatch>;

/** Body of POST /api/deals/{id}/stage. */
export const dealStageChange = z.strictObject({
  stageId: stageRef,
  version,
  lostReason: z.optional(stageRef),
});
export type DealStageChange = z.infer<typeof dealStageChange>;

export const stageVisit = z.object({ stageId: z.string(), enteredAt: z.string(), leftAt: z.optional(z.string()) });
export type StageVisit = z.infer<typeof stageVisit>;

/** A deal as the API returns it. */
export const deal = z.object({
  id,
  name: z.string(),
  companyId: z.optional(z.string()),
  /** Denormalised from the company at write time, for cards and list columns. */
  companyName: z.optional(z.string()),
  contactIds: z.array(z.string()),
  contacts: z.array(z.object({ id: z.string(), name: z.string() })),
  amount: z.number(),
  currency: z.string(),
  expectedCloseDate: z.string(),
  pipelineId: z.string(),
  stageId: z.string(),
  status: z.enum(DEAL_STATUSES),
  probability: z.number(),
  probabilityOverride: z.optional(z.number()),
  ownerId: z.string(),
  ownerName: z.optional(z.string()),
  teamId: z.optional(z.string()),
  source: z.optional(z.string()),
  nextStep: z.optional(z.string()),
  lostReason: z.optional(z.string()),
  closedAt: z.optional(z.string()),
  stageHistory: z.array(stageVisit),
  /** yyyy-mm of the expected close (open) or of the close (won, lost): the forecast's month. */
  closeMonth: z.optional(z.string()),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
  deletedAt: z.optional(z.string()),
});
export type Deal = z.infer<typeof deal>;

export const DEAL_SORTS = ['updated', 'closeDate'] as const;

/**
 * Query of GET /api/deals. One Query per request (see keys.deals.ts): the scope's stage index
 * when `stageId` is given, its close-month index when `closeMonth` is, else recently updated.
 * `sort=closeDate` needs `closeMonth` (it is the close-month index's order).
 */
export const dealListQuery = z.strictObject({
  pipelineId: z.optional(id),
  stageId: z.optional(stageRef),
  ownerId: z.optional(id),
  teamId: z.optional(id),
  closeMonth: z.optional(month),
  status: z.optional(z.enum(DEAL_STATUSES)),
  currency: z.optional(currency),
  minAmount: z.optional(z.pipe(z.coerce.number(), amount)),
  maxAmount: z.optional(z.pipe(z.coerce.number(), amount)),
  sort: z._default(z.enum(DEAL_SORTS), 'updated'),
  order: z.optional(z.enum(['asc', 'desc'])),
  ...pageQuery,
});
export type DealListQuery = z.infer<typeof dealListQuery>;

/** Query of GET /api/deals/board: one page per stage, with the column totals. */
export const dealBoardQuery = z.strictObject({
  pipelineId: z.optional(id),
  ownerId: z.optional(id),
  teamId: z.optional(id),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(50))), 20),
});
export type DealBoardQuery = z.infer<typeof dealBoardQuery>;

export interface ColumnTotals {
  count: number;
  /** Sum per currency, in minor units; a board never adds different currencies together. */
  amounts: { currency: string; amount: number }[];
}

export interface BoardColumn {
  stageId: string;
  items: Deal[];
  nextCursor: string | null;
  totals: ColumnTotals;
}
