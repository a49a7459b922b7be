import { randomBytes } from 'node:crypto';
import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { type IdempotencyRequest, replay } from '../../db/idempotency.js';
import {
  getDeal,
  getQuoteWithDeal,
  createQuote as insertQuote,
  listDealQuotes,
  loadQuoteWriteDeps,
  type QuoteContact,
  type QuoteDeal,
  replaceQuote,
} from '../../db/quotes.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import type { Product } from '../../domain/quotes/product.schema.js';
import {
  checkTransition,
  type LineInput,
  type Quote,
  type QuoteCreate,
  type QuoteLine,
  type QuotePatch,
  type QuoteStatus,
  quoteNumber,
} from '../../domain/quotes/quote.schema.js';
import { computeQuote } from '../../domain/quotes/quote-math.js';

/**
 * The commands of a quote. A quote lives on a deal and is in scope exactly when its deal is:
 * every command loads the deal and checks it with the caller's record scope (a quote of a deal
 * the caller may not see answers 404, like a quote that does not exist). Amounts are computed
 * here with the shared pure arithmetic, never taken from the client.
 */

const dealVisible = (principal: Principal, deal: QuoteDeal | undefined): deal is QuoteDeal =>
  deal !== undefined && inScope(recordScopeOf(principal), deal);

/** The quote and its deal, when the deal is in the caller's scope; otherwise 404. */
export async function readQuoteOrThrow(
  id: string,
  principal: Principal,
  contactId?: string,
): Promise<{ quote: Quote; deal: QuoteDeal; contact?: QuoteContact }> {
  const { quote, deal, contact } = await getQuoteWithDeal(id, contactId);
  if (!quote || !dealVisible(principal, deal)) throw notFound('quote');
  return { quote, deal, contact };
}

/** A deal's quotes, newest first; a deal out of scope is a 404. */
export async function quotesOfDeal(
  dealId: string,
  page: { limit: number; cursor?: string },
  principal: Principal,
): Promise<{ items: Quote[]; nextCursor: string | null }> {
  if (!dealVisible(principal, await getDeal(dealId))) throw notFound('deal');
  return listDealQuotes(dealId, page);
}

/** Lines with their amounts; a line naming a product copies its SKU (the product must exist). */
export function priceLines(
  inputs: readonly LineInput[],
  products: Map<string, Product>,
  known: ReadonlyMap<string, string> = new Map(),
): QuoteLine[] {
  const errors: Record<string, string> = {};
  inputs.forEach((line, i) => {
    if (line.productId && !products.has(line.productId) && !known.has(line.productId))
      errors[`lines.${i}.productId`] = 'Unknown product';
  });
  if (Object.keys(errors).length) throw invalid(errors);
  // Amounts without the quote discount for now; withAmounts() prices the whole quote.
  const { lines: amounts } = computeQuote(inputs);
  return inputs.map((line, i): QuoteLine => {
    const sku = line.productId ? (products.get(line.productId)?.sku ?? known.get(line.productId)) : undefined;
    return { ...line, ...(sku ? { sku } : {}), amounts: amounts[i]! };
  });
}

function withAmounts(quote: Quote): Quote {
  const { lines, totals } = computeQuote(quote.lines, quote.discount);
  return { ...quote, lines: quote.lines.map((l, i) => ({ ...l, amounts: lines[i]! })), totals };
}

const MAX_NUMBER_ATTEMPTS = 4;

export async function createQuote(
  input: QuoteCreate,
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  clock: Clock = systemClock,
): Promise<{ status: number; body: unknown }> {
  const productIds = input.lines.flatMap((l) => (l.productId ? [l.productId] : []));
  for (let attempt = 1; ; attempt++) {
    const now = clock.now();
    const year = now.getUTCFullYear();
    const deps = await loadQuoteWriteDeps({ dealId: input.dealId, productIds, counterYear: year, idempotency });
    if (idempotency && deps.idempotent) return replay(idempotency, deps.idempotent);
    const deal = deps.deal;
    if (!dealVisible(principal, deal)) throw notFound('deal');
    const lines = priceLines(input.lines, deps.products);
    const at = now.toISOString();
    const quote = withAmounts({
      // The deal's id first: one BatchGetItem later reads the quote with its deal (see getQuoteWithDeal).
      id: `${deal.id}_${randomBytes(8).toString('hex')}`,
      number: quoteNumber(year, deps.counter + 1),
      dealId: deal.id,
      dealName: deal.name,
      ownerId: deal.ownerId,
      ...(deal.teamId ? { teamId: deal.teamId } : {}),
      ...(deal.companyId ? { companyId: deal.companyId } : {}),
      ...(input.title ? { title: input.title } : {}),
      currency: deal.currency,
      language: input.language,
      status: 'draft',
      lines,
      ...(input.discount ? { discount: input.discount } : {}),
      totals: computeQuote([]).totals,
      ...(input.validUntil ? { validUntil: input.validUntil } : {}),
      ...(input.notes ? { notes: input.notes } : {}),
      createdBy: { id: principal.userId, name: principal.name },
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
    const audit = auditRecord({
      kind: 'quote',
      entityId: quote.id,
      entityName: quote.number,
      action: 'created',
      actor: principal,
      changes: diffRecords(undefined, summary(quote)),
      at,
    });
    try {
      await insertQuote(
        quote,
        year,
        deps.counter,
        audit,
        idempotency && { request: idempotency, status: 201, nowMs: now.getTime() },
      );
      return { status: 201, body: quote };
    } catch (error) {
      // Another create took this number between our read and our write: read the counter again.
      if (error instanceof AppError && error.code === 'quote.number_taken' && attempt < MAX_NUMBER_ATTEMPTS) continue;
      throw error;
    }
  }
}

/** What the audit trail records of a quote: its fields, with lines as compact text. */
function summary(quote: Quote): Record<string, unknown> {
  const { lines, ...rest } = quote;
  return {
    ...rest,
    lines: lines.map((l) => `${l.sku ?? '-'} ${l.description} × ${l.quantityMilli / 1000} @ ${l.unitPrice}`),
  };
}

function checkEditable(quote: Quote): void {
  if (quote.status !== 'draft') {
    throw new AppError('conflict', 'quote.not_editable', `This quote is ${quote.status}; only drafts can be edited`);
  }
}

export async function updateQuote(
  id: string,
  patch: Omit<QuotePatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Quote> {
  const { quote: before } = await readQuoteOrThrow(id, principal);
  if (before.version !== version) throw staleVersion('quote');
  checkEditable(before);
  const next: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'lines') continue;
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  if (patch.lines) {
    // Products the quote already names keep their SKU without a read; new ones are looked up.
    const known = new Map(before.lines.flatMap((l) => (l.productId && l.sku ? [[l.productId, l.sku] as const] : [])));
    const wanted = patch.lines.flatMap((l) => (l.productId && !known.has(l.productId) ? [l.productId] : []));
    const products = wanted.length
      ? (await loadQuoteWriteDeps({ dealId: before.dealId, productIds: wanted })).products
      : new Map<string, Product>();
    next.lines = priceLines(patch.lines, products, known);
  }
  const after = withAmounts({
    ...(next as unknown as Quote),
    version: before.version + 1,
    updatedAt: clock.now().toISOString(),
  });
  const changes = diffRecords(summary(before), summary(after));
  if (changes.length === 0) return before;
  const audit = auditRecord({
    kind: 'quote',
    entityId: id,
    entityName: after.number,
    action: 'updated',
    actor: principal,
    changes,
    at: after.updatedAt,
  });
  await replaceQuote(before, after, audit);
  return after;
}

/** The fields a status change stamps, and the domain event it announces. */
function stamp(to: QuoteStatus, at: string): Partial<Quote> {
  return to === 'sent' ? { sentAt: at } : { decidedAt: at };
}

/**
 * Moves a quote along draft → sent → accepted | rejected (any other move is a 409). Sending
 * by e-mail goes through the PDF function, which calls this with the recipient.
 */
export async function changeQuoteStatus(
  id: string,
  to: QuoteStatus,
  version: number,
  principal: Principal,
  extra: Partial<Quote> = {},
  clock: Clock = systemClock,
  loaded?: Quote,
): Promise<Quote> {
  const before = loaded ?? (await readQuoteOrThrow(id, principal)).quote;
  if (before.version !== version) throw staleVersion('quote');
  checkTransition(before.status, to);
  const at = clock.now().toISOString();
  const after: Quote = {
    ...before,
    ...extra,
    ...stamp(to, at),
    status: to,
    version: before.version + 1,
    updatedAt: at,
  };
  const audit = auditRecord({
    kind: 'quote',
    entityId: id,
    entityName: after.number,
    action: 'updated',
    actor: principal,
    changes: diffRecords(summary(before), summary(after)),
    at,
    events: [`quote.${to}`],
  });
  await replaceQuote(before, after, audit);
  return after;
}
