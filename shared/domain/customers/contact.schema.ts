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

/**
 * Contact: a person the team works with. `name` is one field so that Chinese names (张伟) and
 * western names both fit; givenName/familyName are optional refinements.
 */

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'] as const;
export const lifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStage>;

const email = z.pipe(
  z.email('Must be an e-mail address').check(z.maxLength(254)),
  z.transform((e: string) => e.toLowerCase()),
);

const fields = {
  name: text(200, 1),
  givenName: text(100),
  familyName: text(100),
  email,
  emails: z.array(email).check(z.maxLength(10, 'At most 10 other addresses')),
  /** Any common notation; stored as E.164 (see phone.ts). */
  phone: text(40),
  companyId: id,
  title: text(200),
  address,
  tags,
  lifecycleStage,
  tier,
  ownerId: id,
  source: text(50),
  customFields: customFieldValues,
  marketingConsent: z.boolean(),
};

/** Body of POST /api/contacts. */
export const contactCreate = z.strictObject({
  name: fields.name,
  givenName: z.optional(fields.givenName),
  familyName: z.optional(fields.familyName),
  email: z.optional(fields.email),
  emails: z.optional(fields.emails),
  phone: z.optional(fields.phone),
  companyId: z.optional(fields.companyId),
  title: z.optional(fields.title),
  address: z.optional(fields.address),
  tags: z.optional(fields.tags),
  lifecycleStage: z.optional(fields.lifecycleStage),
  tier: z.optional(fields.tier),
  ownerId: z.optional(fields.ownerId),
  source: z.optional(fields.source),
  customFields: z.optional(fields.customFields),
  marketingConsent: z.optional(fields.marketingConsent),
});
export type ContactCreate = z.infer<typeof contactCreate>;

/** Body of PATCH /api/contacts/{id}: any subset; `null` clears an optional field. */
export const contactPatch = z.strictObject({
  name: z.optional(fields.name),
  givenName: clearable(fields.givenName),
  familyName: clearable(fields.familyName),
  email: clearable(fields.email),
  emails: clearable(fields.emails),
  phone: clearable(fields.phone),
  companyId: clearable(fields.companyId),
  title: clearable(fields.title),
  address: clearable(fields.address),
  tags: clearable(fields.tags),
  lifecycleStage: clearable(fields.lifecycleStage),
  tier: clearable(fields.tier),
  ownerId: z.optional(fields.ownerId),
  source: clearable(fields.source),
  customFields: z.optional(fields.customFields),
  marketingConsent: z.optional(fields.marketingConsent),
  /** Optimistic concurrency: the version the client last saw (or send If-Match). */
  version: z.optional(version),
});
export type ContactPatch = z.infer<typeof contactPatch>;

/** A contact as the API returns it. */
export const contact = z.object({
  ...recordMeta,
  name: z.string(),
  givenName: z.optional(z.string()),
  familyName: z.optional(z.string()),
  email: z.optional(z.string()),
  emails: z.optional(z.array(z.string())),
  phone: z.optional(z.string()),
  companyId: z.optional(z.string()),
  /** Denormalised from the company at write time, for list columns. */
  companyName: z.optional(z.string()),
  title: z.optional(z.string()),
  address: z.optional(address),
  tags: z.array(z.string()),
  lifecycleStage: z.optional(lifecycleStage),
  tier: z.optional(tier),
  ownerId: z.string(),
  source: z.optional(z.string()),
  customFields: z.record(z.string(), z.unknown()),
  marketingConsent: z.boolean(),
});
export type Contact = z.infer<typeof contact>;

/** Query of GET /api/contacts. */
export const contactListQuery = z.strictObject({
  ...recordListQueryFields,
  lifecycleStage: z.optional(lifecycleStage),
  companyId: z.optional(id),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;
