import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/common/errors.js';
import type { Deal } from '../domain/deals/deal.schema.js';
import type { Product } from '../domain/quotes/product.schema.js';
import { skuKey } from '../domain/quotes/product.schema.js';
import type { Quote } from '../domain/quotes/quote.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type IdempotencyRecord, type IdempotencyRequest, putIdempotency } from './idempotency.js';
import { dealKeys } from './keys.deals.js';
import { type Key, keys } from './keys.js';
import { dealQuotesSource, productIndexKeys, productListSource, quoteIndexKeys, quoteKeys } from './keys.quotes.js';
import {
  getFound,
  recordOf,
  type TransactItem,
  transactWrite,
  versionedDelete,
  versionedPut,
  writeVersioned,
} from './kit.js';
import { queryPage } from './query.js';

/**
 * Products and quotes in the single table (keys and access patterns: keys.quotes.ts). Every
 * write is one TransactWriteItems of the item (conditioned on its version), its guard or counter
 * items, and its audit record.
 */

const strip = recordOf;

export const productItem = (p: Product): Record<string, unknown> => ({
  ...quoteKeys.product(p.id),
  type: 'Product',
  ...p,
  ...productIndexKeys(p),
});

export const quoteItem = (q: Quote): Record<string, unknown> => ({
  ...quoteKeys.quote(q.id),
  type: 'Quote',
  ...q,
  ...quoteIndexKeys(q),
});

/** What a quote needs of its deal: its scope (owner, team), name, currency and contacts. */
export type QuoteDeal = Pick<Deal, 'id' | 'name' | 'ownerId' | 'teamId' | 'currency' | 'companyId' | 'deletedAt'> & {
  contactIds?: string[];
  contacts?: { id: string; name: string }[];
};

const sameKey = (item: Record<string, unknown>, key: Key) => item.pk === key.pk && item.sk === key.sk;

// ---------------------------------------------------------------------------------------------
// Products

export async function getProduct(id: string): Promise<Product | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: quoteKeys.product(id), ConsistentRead: true }),
  );
  return out.Item ? strip<Product>(out.Item) : undefined;
}

/** The price list by name (gsi2) or its active products (gsi3), one Query. */
export async function listProducts(view: 'all' | 'active', req: { q?: string; limit: number; cursor?: string }) {
  const page = await queryPage<Record<string, unknown>>(productListSource(view, req.q), {
    limit: req.limit,
    cursor: req.cursor,
    forward: true,
  });
  return { items: page.items.map((i) => strip<Product>(i)), nextCursor: page.nextCursor };
}

const skuTaken = () =>
  new AppError('conflict', 'product.sku_taken', 'Another product has this SKU', {
    sku: 'Already used by another product',
  });

/**
 * Writes a product's next state (create: `before` undefined; delete: `after` undefined). A new or
 * changed SKU claims its guard item in the same transaction; the old one is released.
 */
export async function writeProduct(
  before: Product | undefined,
  after: Product | undefined,
  audit: AuditRecord,
  /** More items of the same transaction (a create's stored Idempotency-Key answer). */
  extra: TransactItem[] = [],
): Promise<void> {
  const id = (after ?? before)!.id;
  const items: TransactItem[] = [];
  const guardIndexes = new Set<number>();
  if (after) {
    items.push(versionedPut(productItem(after), before?.version));
  } else {
    items.push(versionedDelete(quoteKeys.product(id), before!.version));
  }
  const oldSku = before && skuKey(before.sku);
  const newSku = after && skuKey(after.sku);
  if (newSku && newSku !== oldSku) {
    guardIndexes.add(items.length);
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...quoteKeys.skuGuard(newSku), type: 'Guard', productId: id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  if (oldSku && oldSku !== newSku) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: quoteKeys.skuGuard(oldSku),
        ConditionExpression: 'productId = :id',
        ExpressionAttributeValues: { ':id': id },
      },
    });
  }
  items.push(putAudit(audit));
  items.push(...extra);
  await writeVersioned(items, 'product', (failed) =>
    failed.some((f) => guardIndexes.has(f.index)) ? skuTaken() : undefined,
  );
}

// ---------------------------------------------------------------------------------------------
// Quotes

/** A deal as a quote sees it, or undefined (absent or deleted). */
function toDeal(item: Record<string, unknown> | undefined): QuoteDeal | undefined {
  if (!item || item.deletedAt) return undefined;
  return strip<QuoteDeal>(item);
}

export async function getDeal(dealId: string): Promise<QuoteDeal | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: dealKeys.deal(dealId), ConsistentRead: true }),
  );
  return toDeal(out.Item);
}

/**
 * A quote's id starts with its deal's id (`<dealId>_<16 hex>`), so the quote, its deal and
 * whatever else a command needs (the contact it is sent to) come back in ONE BatchGetItem:
 * reading, editing or sending a quote stays within two requests.
 */
export const QUOTE_ID_SUFFIX = 17;

export function dealIdOfQuote(quoteId: string): string | undefined {
  return /^.+_[0-9a-f]{16}$/.test(quoteId) ? quoteId.slice(0, -QUOTE_ID_SUFFIX) : undefined;
}

export async function getQuoteWithDeal(
  quoteId: string,
  contactId?: string,
): Promise<{ quote?: Quote; deal?: QuoteDeal; contact?: QuoteContact }> {
  const dealId = dealIdOfQuote(quoteId);
  if (!dealId) return {};
  const quoteKey = quoteKeys.quote(quoteId);
  const dealKey = dealKeys.deal(dealId);
  const contactKey = contactId ? keys.record('contact', contactId) : undefined;
  const items = await getFound([quoteKey, dealKey, ...(contactKey ? [contactKey] : [])]);
  const quote = items.find((i) => sameKey(i, quoteKey));
  const contact = contactKey && items.find((i) => sameKey(i, contactKey));
  return {
    quote: quote ? strip<Quote>(quote) : undefined,
    deal: toDeal(items.find((i) => sameKey(i, dealKey))),
    contact: contact as QuoteContact | undefined,
  };
}

/** What a quote write reads first, in ONE BatchGetItem: the deal, the products its lines name, and (create) the year's counter and the idempotency record. */
export interface QuoteWriteDeps {
  deal?: QuoteDeal;
  products: Map<string, Product>;
  counter: number;
  idempotent?: IdempotencyRecord;
}

export async function loadQuoteWriteDeps(input: {
  dealId: string;
  productIds: readonly string[];
  counterYear?: number;
  idempotency?: IdempotencyRequest;
}): Promise<QuoteWriteDeps> {
  const dealKey = dealKeys.deal(input.dealId);
  const productKeys = [...new Set(input.productIds)].map((id) => quoteKeys.product(id));
  const counterKey = input.counterYear !== undefined ? quoteKeys.counter(input.counterYear) : undefined;
  const idemKey = input.idempotency && keys.idempotency(input.idempotency.userId, input.idempotency.key);
  const wanted = [dealKey, ...productKeys, ...(counterKey ? [counterKey] : []), ...(idemKey ? [idemKey] : [])];
  const items = await getFound(wanted);
  const products = new Map<string, Product>();
  for (const item of items) if (item.type === 'Product') products.set(String(item.id), strip<Product>(item));
  const counterItem = counterKey && items.find((i) => sameKey(i, counterKey));
  const idemItem = idemKey && items.find((i) => sameKey(i, idemKey));
  return {
    deal: toDeal(items.find((i) => sameKey(i, dealKey))),
    products,
    counter: counterItem ? Number(counterItem.seq) : 0,
    idempotent: idemItem as IdempotencyRecord | undefined,
  };
}

export const quoteNumberTaken = () =>
  new AppError('conflict', 'quote.number_taken', 'Another quote took this number; try again');

/**
 * Creates a quote: the year's counter moves from `counter` to `counter + 1` (conditioned on its
 * value, so a concurrent create fails with quote.number_taken and retries), the quote, its audit
 * record and the idempotency record, all or nothing.
 */
export async function createQuote(
  quote: Quote,
  year: number,
  counter: number,
  audit: AuditRecord,
  idempotency?: { request: IdempotencyRequest; status: number; nowMs: number },
): Promise<void> {
  const counterItem: TransactItem = {
    Update: {
      TableName: tableName(),
      Key: quoteKeys.counter(year),
      UpdateExpression: 'SET seq = :next, #type = :type',
      ConditionExpression: counter === 0 ? 'attribute_not_exists(pk)' : 'seq = :seq',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':next': counter + 1,
        ':type': 'Counter',
        ...(counter === 0 ? {} : { ':seq': counter }),
      },
    },
  };
  const items: TransactItem[] = [
    counterItem,
    {
      Put: {
        TableName: tableName(),
        Item: quoteItem(quote),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    putAudit(audit),
  ];
  if (idempotency) {
    items.push(putIdempotency(idempotency.request, idempotency.status, quote, idempotency.nowMs));
  }
  await transactWrite(items, (failed) =>
    failed.some((f) => f.index === 0)
      ? quoteNumberTaken()
      : new AppError('conflict', 'request.idempotency_in_progress', 'This request is already being processed'),
  );
}

/** Replaces a quote with its next state, conditioned on the version it was read at. */
export async function replaceQuote(before: Quote, after: Quote, audit: AuditRecord): Promise<void> {
  await writeVersioned([versionedPut(quoteItem(after), before.version), putAudit(audit)], 'quote');
}

/** A deal's quotes, newest first: one Query of gsi1. */
export async function listDealQuotes(dealId: string, req: { limit: number; cursor?: string }) {
  const page = await queryPage<Record<string, unknown>>(dealQuotesSource(dealId), {
    limit: req.limit,
    cursor: req.cursor,
    forward: false,
  });
  return { items: page.items.map((i) => strip<Quote>(i)), nextCursor: page.nextCursor };
}

/** The contact a quote is sent to: its scope (owner, team), name and e-mail. */
export interface QuoteContact {
  id: string;
  name: string;
  email?: string;
  ownerId: string;
  teamId?: string;
  deletedAt?: string;
}
