import { z } from 'zod';

/** Building blocks shared by every entity's schema. */

export const id = z.string().regex(/^[0-9A-Za-z_-]{1,64}$/, 'Must be an id');

export const tag = z
  .string()
  .trim()
  .min(1, 'Must not be empty')
  .max(40, 'At most 40 characters')
  .regex(/^[^,<>]+$/, 'Must not contain , < or >');

/** Tags are stored trimmed, de-duplicated, in the order given. */
export const tags = z
  .array(tag)
  .max(30, 'At most 30 tags')
  .transform((list) => [...new Set(list)]);

export const address = z
  .object({
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, 'Must be an ISO 3166 country code such as US or CN')
      .optional(),
    region: z.string().trim().max(100).optional(),
    city: z.string().trim().max(100).optional(),
    street: z.string().trim().max(200).optional(),
    postalCode: z.string().trim().max(20).optional(),
  })
  .strict();
export type Address = z.infer<typeof address>;

export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export const tier = z.enum(TIERS);
export type Tier = z.infer<typeof tier>;

/** Custom field values as sent; each is checked against its admin-defined definition. */
export const customFieldValues = z.record(
  z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Unknown custom field key'),
  z.union([z.string().max(2000), z.number(), z.boolean(), z.array(z.string().max(200)).max(50), z.null()]),
);
export type CustomFieldValues = z.infer<typeof customFieldValues>;

/** Stamps every stored record carries. */
export const recordMeta = {
  id,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int().positive(),
  deletedAt: z.string().optional(),
};

export const SORTS = ['updated', 'created', 'name'] as const;

/** List query shared by the record lists: cursor pagination with a bounded limit. */
export const pageQuery = {
  cursor: z.string().max(2048).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
};

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
