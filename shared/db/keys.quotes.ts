import { type Key, type ListSource, nameKey, TYPE } from './keys.core.js';

/**
 * Keys of the quotes context: the price list (products) and quotes. Built here and nowhere else.
 * Every partition value starts with PRODUCT or QUOTE (see TYPE in keys.ts), so the overloaded
 * GSIs are shared with the other contexts without collisions.
 *
 * Base table
 * | item                           | pk                         | sk        |
 * |--------------------------------|----------------------------|-----------|
 * | product                        | PRODUCT#<productId>        | PRODUCT   |
 * | unique SKU guard               | PRODUCT_SKU#<SKU upper>    | GUARD     |
 * | quote                          | QUOTE#<quoteId>            | QUOTE     |
 * | quote number counter of a year | QUOTE_COUNTER#<yyyy>       | COUNTER   |
 * | audit record                   | AUDIT#PRODUCT#<id> / AUDIT#QUOTE#<id> | <at>#<auditId> |
 *
 * Overloaded GSIs (all project ALL). <name> is nameKey() of the product's name.
 * | index | pk                  | sk                  | access pattern                                   |
 * |-------|---------------------|---------------------|--------------------------------------------------|
 * | gsi2  | PRODUCT             | <name>#<id>         | the price list by name; `q` name-prefix search   |
 * | gsi3  | PRODUCT#ACTIVE      | <name>#<id>         | active products by name (the quote editor's picker) |
 * | gsi1  | QUOTE#DEAL#<dealId> | <createdAt>#<id>    | a deal's quotes, newest first                    |
 *
 * Scope: a quote is visible exactly when its deal is (the deal's owner and team, read from the
 * deal item at request time, never copied scope): reads and writes load the deal by key next to
 * the quote. A deal's quote list is one GetItem of the deal and one Query of its gsi1 partition.
 *
 * Numbers: the counter item holds the last number given out in a year. A create reads it (in the
 * same BatchGetItem as the deal) and writes `seq = last + 1` conditioned on `seq = last` in the
 * quote's transaction: numbers are gap-free, and two creates racing for one number retry.
 */

const PRODUCT = TYPE.product;
const QUOTE = TYPE.quote;

export const quoteKeys = {
  product: (id: string): Key => ({ pk: `${PRODUCT}#${id}`, sk: PRODUCT }),
  skuGuard: (skuKey: string): Key => ({ pk: `${PRODUCT}_SKU#${skuKey}`, sk: 'GUARD' }),
  quote: (id: string): Key => ({ pk: `${QUOTE}#${id}`, sk: QUOTE }),
  counter: (year: number): Key => ({ pk: `${QUOTE}_COUNTER#${year}`, sk: 'COUNTER' }),
};

export function productIndexKeys(p: { id: string; name: string; active: boolean }): Record<string, string> {
  const sk = `${nameKey(p.name)}#${p.id}`;
  return { gsi2pk: PRODUCT, gsi2sk: sk, ...(p.active ? { gsi3pk: `${PRODUCT}#ACTIVE`, gsi3sk: sk } : {}) };
}

/** The price list by name (gsi2), or only the active products (gsi3); `prefix` searches names. */
export function productListSource(view: 'all' | 'active', prefix?: string): ListSource {
  const source: ListSource =
    view === 'active' ? { index: 'gsi3', pk: `${PRODUCT}#ACTIVE` } : { index: 'gsi2', pk: PRODUCT };
  return prefix ? { ...source, skPrefix: nameKey(prefix) } : source;
}

export function quoteIndexKeys(q: { id: string; dealId: string; createdAt: string }): Record<string, string> {
  return { gsi1pk: dealQuotesPartition(q.dealId), gsi1sk: `${q.createdAt}#${q.id}` };
}

const dealQuotesPartition = (dealId: string) => `${QUOTE}#DEAL#${dealId}`;

/** A deal's quotes, newest first (gsi1). */
export function dealQuotesSource(dealId: string): ListSource {
  return { index: 'gsi1', pk: dealQuotesPartition(dealId) };
}
