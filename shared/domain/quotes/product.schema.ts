import { id, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Products: the price list admins keep (products:manage) and sales reps pick from when they build
 * a quote (products:read). A SKU is unique (a guard item, case-insensitive); prices are integer
 * minor units of the product's currency and tax rates basis points (1300 = 13 %).
 */

/** A price or amount in minor units: at most 10^11 (a billion dollars), never negative. */
export const MAX_AMOUNT = 100_000_000_000;
export const amount = z.int().check(z.gte(0, 'Must not be negative'), z.lte(MAX_AMOUNT, 'Too large'));
/** Basis points, 0–100 %. */
export const basisPoints = z.int().check(z.gte(0, 'Must not be negative'), z.lte(10_000, 'At most 100 %'));
export const currency = z.string().check(z.regex(/^[A-Z]{3}$/, 'Must be an ISO 4217 currency code such as USD or CNY'));
export const sku = z
  .string()
  .check(z.trim(), z.regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/, 'Letters, digits, . _ - (at most 40)'));

export const productCreate = z.strictObject({
  name: text(120, 1),
  /** The Chinese name, used on zh-CN quotes. */
  nameZh: z.optional(text(120)),
  sku,
  description: z.optional(text(500)),
  unitPrice: amount,
  currency,
  taxRate: basisPoints,
  active: z._default(z.boolean(), true),
});
export type ProductCreate = z.infer<typeof productCreate>;

export const productPatch = z.strictObject({
  name: z.optional(text(120, 1)),
  nameZh: z.optional(z.nullable(text(120))),
  sku: z.optional(sku),
  description: z.optional(z.nullable(text(500))),
  unitPrice: z.optional(amount),
  currency: z.optional(currency),
  taxRate: z.optional(basisPoints),
  active: z.optional(z.boolean()),
  version: z.optional(version),
});
export type ProductPatch = z.infer<typeof productPatch>;

export const productListQuery = z.strictObject({
  /** Name prefix (case- and width-folded). */
  q: z.optional(text(100, 1)),
  /** `active` (the quote editor's picker) or `all` (the settings page). */
  view: z._default(z.enum(['all', 'active']), 'all'),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(200))), 100),
});
export type ProductListQuery = z.infer<typeof productListQuery>;

export const productIdParams = z.strictObject({ id });

export interface Product {
  id: string;
  name: string;
  nameZh?: string;
  sku: string;
  description?: string;
  unitPrice: number;
  currency: string;
  taxRate: number;
  active: boolean;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The SKU as its uniqueness guard compares it. */
export const skuKey = (value: string) => value.trim().toUpperCase();
