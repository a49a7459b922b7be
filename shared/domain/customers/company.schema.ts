import { z } from 'zod';
import { address, customFieldValues, id, pageQuery, recordMeta, SORTS, tags, tier } from '../common/fields.js';

/** Company: an organisation; its domain is unique across companies. */

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) =>
    d
      .replace(/^https?:\/\//, '')
      .replace(/^www\./, '')
      .replace(/\/.*$/, ''),
  )
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'Must be a domain such as example.com'),
  );

const companyFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  domain,
  industry: z.string().trim().max(100),
  size: z.enum(COMPANY_SIZES),
  address,
  tags,
  tier,
  ownerId: id,
  customFields: customFieldValues,
};

export const companyCreate = z
  .object({
    name: companyFields.name,
    domain: companyFields.domain.optional(),
    industry: companyFields.industry.optional(),
    size: companyFields.size.optional(),
    address: companyFields.address.optional(),
    tags: companyFields.tags.optional(),
    tier: companyFields.tier.optional(),
    ownerId: companyFields.ownerId.optional(),
    customFields: companyFields.customFields.optional(),
  })
  .strict();
export type CompanyCreate = z.infer<typeof companyCreate>;

export const companyPatch = z
  .object({
    name: companyFields.name.optional(),
    domain: companyFields.domain.nullable().optional(),
    industry: companyFields.industry.nullable().optional(),
    size: companyFields.size.nullable().optional(),
    address: companyFields.address.nullable().optional(),
    tags: companyFields.tags.nullable().optional(),
    tier: companyFields.tier.nullable().optional(),
    ownerId: companyFields.ownerId.optional(),
    customFields: companyFields.customFields.optional(),
    version: z.number().int().positive().optional(),
  })
  .strict();
export type CompanyPatch = z.infer<typeof companyPatch>;

export const company = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.string().optional(),
  industry: z.string().optional(),
  size: z.enum(COMPANY_SIZES).optional(),
  address: address.optional(),
  tags: z.array(z.string()),
  tier: tier.optional(),
  ownerId: z.string(),
  customFields: z.record(z.string(), z.unknown()),
});
export type Company = z.infer<typeof company>;

export const companyListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    ownerId: id.optional(),
    tier: tier.optional(),
    sort: z.enum(SORTS).default('updated'),
    order: z.enum(['asc', 'desc']).optional(),
    view: z.enum(['active', 'deleted']).default('active'),
    ...pageQuery,
  })
  .strict();
export type CompanyListQuery = z.infer<typeof companyListQuery>;
