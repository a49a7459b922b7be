import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import { getProduct, listProducts, writeProduct } from '../../db/quotes.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { notFound, staleVersion } from '../../domain/common/errors.js';
import type { Product, ProductCreate, ProductListQuery, ProductPatch } from '../../domain/quotes/product.schema.js';

/**
 * The price list: admins create, edit and delete products (products:manage); everyone who quotes
 * reads it (products:read). Each change writes the product, its SKU guard and an audit record in
 * one transaction. A deleted product leaves the quotes that used it untouched: a quote line keeps
 * its own copy of description, SKU, price and tax rate.
 */

export const productsOf = (query: ProductListQuery) =>
  listProducts(query.view, { q: query.q, limit: query.limit, cursor: query.cursor });

export async function productOrThrow(id: string): Promise<Product> {
  const product = await getProduct(id);
  if (!product) throw notFound('product');
  return product;
}

export async function createProduct(
  input: ProductCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  now = new Date(),
): Promise<{ status: number; body: Product }> {
  const again = await replayed<Product>(idempotency);
  if (again) return again;
  const at = now.toISOString();
  const product: Product = { ...input, id: randomUUID(), version: 1, createdAt: at, updatedAt: at };
  const audit = auditRecord({
    kind: 'product',
    entityId: product.id,
    entityName: product.name,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, product as unknown as Record<string, unknown>),
    at,
  });
  await writeProduct(undefined, product, audit, storeAnswer(idempotency, 201, product, now.getTime()));
  return { status: 201, body: product };
}

export async function updateProduct(
  id: string,
  patch: Omit<ProductPatch, 'version'>,
  version: number,
  principal: Principal,
  now = new Date(),
): Promise<Product> {
  const before = await productOrThrow(id);
  if (before.version !== version) throw staleVersion('product');
  const next: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(patch)) {
    if (value === null) delete next[field];
    else if (value !== undefined) next[field] = value;
  }
  const after = { ...next, version: before.version + 1, updatedAt: now.toISOString() } as unknown as Product;
  const changes = diffRecords(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  if (changes.length === 0) return before;
  const audit = auditRecord({
    kind: 'product',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at: after.updatedAt,
  });
  await writeProduct(before, after, audit);
  return after;
}

export async function deleteProduct(id: string, principal: Principal, now = new Date()): Promise<void> {
  const before = await productOrThrow(id);
  const audit = auditRecord({
    kind: 'product',
    entityId: id,
    entityName: before.name,
    action: 'deleted',
    actor: principal,
    changes: diffRecords(before as unknown as Record<string, unknown>, undefined),
    at: now.toISOString(),
  });
  await writeProduct(before, undefined, audit);
}
