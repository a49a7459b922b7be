import { AppError } from '../common/errors.js';
import { id, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';
import { amount, basisPoints } from './product.schema.js';
import type { LineAmounts, QuoteTotals } from './quote-math.js';

/**
 * Quotes: an offer on a deal, in the deal's currency, with line items (a product from the price
 * list or free text), discounts and tax. Amounts are computed by quote-math.ts and stored with
 * the quote; the client never sends totals. A quote is visible and editable exactly when its
 * deal is in the caller's scope. Only drafts change; a draft is sent, then accepted or rejected.
 */

export const QUOTE_STATUSES = ['draft', 'sent', 'accepted', 'rejected'] as const;
export type QuoteStatus = (typeof QUOTE_STATUSES)[number];
export const QUOTE_LANGUAGES = ['en', 'zh-CN'] as const;
export type QuoteLanguage = (typeof QUOTE_LANGUAGES)[number];

/** The moves a quote's status may make; everything else is refused. */
export const QUOTE_TRANSITIONS: Record<QuoteStatus, readonly QuoteStatus[]> = {
  draft: ['sent'],
  sent: ['accepted', 'rejected'],
  accepted: [],
  rejected: [],
};

export function canTransition(from: QuoteStatus, to: QuoteStatus): boolean {
  return QUOTE_TRANSITIONS[from].includes(to);
}

/** A status change the rules refuse: 409 naming both ends. */
export function checkTransition(from: QuoteStatus, to: QuoteStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('conflict', 'quote.invalid_transition', `A ${from} quote cannot become ${to}`, {
      status: `Allowed from ${from}: ${QUOTE_TRANSITIONS[from].join(', ') || 'none'}`,
    });
  }
}

/** Lines of one quote: a transaction item is at most 400 KB; 200 lines stay far below. */
export const MAX_LINES = 200;
/** One million units, in thousandths. */
export const MAX_QUANTITY_MILLI = 1_000_000_000;

export const discount = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('percent'), basisPoints }),
  z.strictObject({ type: z.literal('amount'), amount }),
]);

export const lineInput = z.strictObject({
  /** A price-list product; its SKU is copied. Omit for a free-text line. */
  productId: z.optional(id),
  description: text(300, 1),
  /** Thousandths of a unit: 1500 = 1.5. */
  quantityMilli: z.int().check(z.gte(1, 'Must be positive'), z.lte(MAX_QUANTITY_MILLI, 'At most 1,000,000')),
  unitPrice: amount,
  discount: z.optional(z.nullable(discount)),
  taxRate: basisPoints,
});
export type LineInput = z.infer<typeof lineInput>;

const lines = z.array(lineInput).check(z.maxLength(MAX_LINES, `At most ${MAX_LINES} lines`));
const validUntil = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, 'Must be a date YYYY-MM-DD'));

export const quoteCreate = z.strictObject({
  dealId: id,
  title: z.optional(text(200)),
  language: z._default(z.enum(QUOTE_LANGUAGES), 'en'),
  lines: z._default(lines, []),
  discount: z.optional(z.nullable(discount)),
  validUntil: z.optional(validUntil),
  notes: z.optional(text(2000)),
});
export type QuoteCreate = z.infer<typeof quoteCreate>;

export const quotePatch = z.strictObject({
  title: z.optional(z.nullable(text(200))),
  language: z.optional(z.enum(QUOTE_LANGUAGES)),
  lines: z.optional(lines),
  discount: z.optional(z.nullable(discount)),
  validUntil: z.optional(z.nullable(validUntil)),
  notes: z.optional(z.nullable(text(2000))),
  version: z.optional(version),
});
export type QuotePatch = z.infer<typeof quotePatch>;

export const quoteStatusChange = z.strictObject({
  status: z.enum(['sent', 'accepted', 'rejected']),
  version: z.optional(version),
});

export const quoteSend = z.strictObject({
  /** The contact whose e-mail receives the PDF. */
  contactId: id,
  message: z.optional(text(2000)),
  version: z.optional(version),
});
export type QuoteSend = z.infer<typeof quoteSend>;

export const quoteListQuery = z.strictObject({
  dealId: id,
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 50),
});

export const quoteIdParams = z.strictObject({ id });

export interface QuoteLine extends LineInput {
  sku?: string;
  amounts: LineAmounts;
}

export interface Quote {
  id: string;
  /** Q-<year>-<4+ digits>, gap-free per year. */
  number: string;
  dealId: string;
  dealName: string;
  /** The deal's owner and team when the quote was written (what the audit log shows). */
  ownerId: string;
  teamId?: string;
  companyId?: string;
  title?: string;
  currency: string;
  language: QuoteLanguage;
  status: QuoteStatus;
  lines: QuoteLine[];
  discount?: z.infer<typeof discount> | null;
  totals: QuoteTotals;
  validUntil?: string;
  notes?: string;
  sentAt?: string;
  sentTo?: { contactId: string; name: string; email: string };
  decidedAt?: string;
  createdBy: { id: string; name: string };
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** Q-2026-0001: the year the quote was written and its place in that year. */
export function quoteNumber(year: number, seq: number): string {
  return `Q-${year}-${String(seq).padStart(4, '0')}`;
}
