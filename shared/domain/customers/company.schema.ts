import {
  address,
  clearable,
  customFieldValues,
  id,
  recordListQueryFields,
  recordMeta,
  tags,
  text,
  tier,
  version,
} from '../common/fields.js';
import * as z from '../common/zod.js';

/** Company: an organisation; its domain is unique across companies. */

export const COMPANY_SIZES = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5000+'] as const;

/** A domain as people paste it ("https://www.Example.com/about") stored as "example.com". */
const domain = z.pipe(
  z.string().check(z.trim(), z.toLowerCase()),
  z.pipe(
    z.transform((d: string) =>
      d
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/.*$/, ''),
    ),
    z
      .string()
      .check(
        z.maxLength(253),
        z.regex(/^(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))+$/, 'Must be a domain such as example.com'),
      ),
  ),
);

const fields = {
  name: text(200, 1),
  domain,
  industry: text(100),
  size: z.enum(COMPANY_SIZES),
  address,
  tags,
  tier,
  ownerId: id,
  customFields: customFieldValues,
};

export const companyCreate = z.strictObject({
  name: fields.name,
  domain: z.optional(fields.domain),
  industry: z.optional(fields.industry),
  size: z.optional(fields.size),
  address: z.optional(fields.address),
  tags: z.optional(fields.tags),
  tier: z.optional(fields.tier),
  ownerId: z.optional(fields.ownerId),
  customFields: z.optional(fields.customFields),
});
export type CompanyCreate = z.infer<typeof companyCreate>;

export const companyPatch = z.strictObject({
  name: z.optional(fields.name),
  domain: clearable(fields.domain),
  industry: clearable(fields.industry),
  size: clearable(fields.size),
  address: clearable(fields.address),
  tags: clearable(fields.tags),
  tier: clearable(fields.tier),
  ownerId: z.optional(fields.ownerId),
  customFields: z.optional(fields.customFields),
  version: z.optional(version),
});
export type CompanyPatch = z.infer<typeof companyPatch>;

export const company = z.object({
  ...recordMeta,
  name: z.string(),
  domain: z.optional(z.string()),
  industry: z.optional(z.string()),
  size: z.optional(z.enum(COMPANY_SIZES)),
  address: z.optional(address),
  tags: z.array(z.string()),
  tier: z.optional(tier),
  ownerId: z.string(),
  customFields: z.record(z.string(), z.unknown()),
});
export type Company = z.infer<typeof company>;

export const companyListQuery = z.strictObject(recordListQueryFields);
export type CompanyListQuery = z.infer<typeof companyListQuery>;
