import * as z from './zod.js';

/** Building blocks shared by every entity's schema. */

/** A trimmed string with a length range; `min` 1 says "Required" when empty. */
export function text(max: number, min = 0) {
  const checks: z.core.$ZodCheck<string>[] = [z.trim(), z.maxLength(max, `At most ${max} characters`)];
  if (min > 0) checks.push(z.minLength(min, 'Required'));
  return z.string().check(...checks);
}

export const id = z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, 'Must be an id'));

export const tag = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, 'Must not be empty'),
    z.maxLength(40, 'At most 40 characters'),
    z.regex(/^[^,<>]+$/, 'Must not contain , < or >'),
  );

/** Tags are stored trimmed, de-duplicated, in the order given. */
export const tags = z.pipe(
  z.array(tag).check(z.maxLength(30, 'At most 30 tags')),
  z.transform((list: string[]) => [...new Set(list)]),
);

export const address = z.strictObject({
  country: z.optional(z.string().check(z.regex(/^[A-Z]{2}$/, 'Must be an ISO 3166 country code such as US or CN'))),
  region: z.optional(text(100)),
  city: z.optional(text(100)),
  street: z.optional(text(200)),
  postalCode: z.optional(text(20)),
});
export type Address = z.infer<typeof address>;

export const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;
export const tier = z.enum(TIERS);
export type Tier = z.infer<typeof tier>;

/** Custom field values as sent; each is checked against its admin-defined definition. */
export const customFieldValues = z.record(
  z.string().check(z.regex(/^[a-z][a-zA-Z0-9_]{0,39}$/, 'Unknown custom field key')),
  z.union([
    z.string().check(z.maxLength(2000)),
    z.number(),
    z.boolean(),
    z.array(z.string().check(z.maxLength(200))).check(z.maxLength(50)),
    z.null(),
  ]),
);
export type CustomFieldValues = z.infer<typeof customFieldValues>;

/** Stamps every stored record carries. */
export const recordMeta = {
  id,
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.int().check(z.positive()),
  deletedAt: z.optional(z.string()),
};

export const SORTS = ['updated', 'created', 'name'] as const;

/** List query shared by the record lists: cursor pagination with a bounded limit. */
export const pageQuery = {
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(200))), 50),
};

/** An optional field that a PATCH may clear by sending `null`. */
export const clearable = <S extends z.ZodMiniType>(schema: S) => z.optional(z.nullable(schema));

/** Query fields every customer-record list accepts (contacts add their own filters). */
export const recordListQueryFields = {
  q: z.optional(text(100, 1)),
  tag: z.optional(text(40, 1)),
  ownerId: z.optional(id),
  /** A manager's list: which of their teams (default: their first). Ignored for other scopes. */
  teamId: z.optional(id),
  tier: z.optional(tier),
  sort: z._default(z.enum(SORTS), 'updated'),
  order: z.optional(z.enum(['asc', 'desc'])),
  /** `deleted` lists the trash: records restorable for 30 days. */
  view: z._default(z.enum(['active', 'deleted']), 'active'),
  ...pageQuery,
};

/** The version a client sends back on edit (optimistic concurrency). */
export const version = z.int().check(z.positive());

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
