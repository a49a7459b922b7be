import { z } from 'zod';
import { address, customFieldValues, id, pageQuery, recordMeta, SORTS, tags, tier } from '../common/fields.js';

/**
 * Contact: a person the team works with. `name` is one field so that Chinese names (张伟) and
 * western names both fit; givenName/familyName are optional refinements.
 */

export const LIFECYCLE_STAGES = ['subscriber', 'lead', 'qualified', 'opportunity', 'customer', 'churned'] as const;
export const lifecycleStage = z.enum(LIFECYCLE_STAGES);
export type LifecycleStage = z.infer<typeof lifecycleStage>;

const email = z
  .email('Must be an e-mail address')
  .max(254)
  .transform((e) => e.toLowerCase());

const contactFields = {
  name: z.string().trim().min(1, 'Required').max(200),
  givenName: z.string().trim().max(100),
  familyName: z.string().trim().max(100),
  email,
  emails: z.array(email).max(10, 'At most 10 other addresses'),
  /** Any common notation; stored as E.164 (see phone.ts). */
  phone: z.string().trim().max(40),
  companyId: id,
  title: z.string().trim().max(200),
  address,
  tags,
  lifecycleStage,
  tier,
  ownerId: id,
  source: z.string().trim().max(50),
  customFields: customFieldValues,
  marketingConsent: z.boolean(),
};

/** Body of POST /api/contacts. */
export const contactCreate = z
  .object({
    name: contactFields.name,
    givenName: contactFields.givenName.optional(),
    familyName: contactFields.familyName.optional(),
    email: contactFields.email.optional(),
    emails: contactFields.emails.optional(),
    phone: contactFields.phone.optional(),
    companyId: contactFields.companyId.optional(),
    title: contactFields.title.optional(),
    address: contactFields.address.optional(),
    tags: contactFields.tags.optional(),
    lifecycleStage: contactFields.lifecycleStage.optional(),
    tier: contactFields.tier.optional(),
    ownerId: contactFields.ownerId.optional(),
    source: contactFields.source.optional(),
    customFields: contactFields.customFields.optional(),
    marketingConsent: contactFields.marketingConsent.optional(),
  })
  .strict();
export type ContactCreate = z.infer<typeof contactCreate>;

/** Body of PATCH /api/contacts/{id}: any subset; `null` clears an optional field. */
export const contactPatch = z
  .object({
    name: contactFields.name.optional(),
    givenName: contactFields.givenName.nullable().optional(),
    familyName: contactFields.familyName.nullable().optional(),
    email: contactFields.email.nullable().optional(),
    emails: contactFields.emails.nullable().optional(),
    phone: contactFields.phone.nullable().optional(),
    companyId: contactFields.companyId.nullable().optional(),
    title: contactFields.title.nullable().optional(),
    address: contactFields.address.nullable().optional(),
    tags: contactFields.tags.nullable().optional(),
    lifecycleStage: contactFields.lifecycleStage.nullable().optional(),
    tier: contactFields.tier.nullable().optional(),
    ownerId: contactFields.ownerId.optional(),
    source: contactFields.source.nullable().optional(),
    customFields: contactFields.customFields.optional(),
    marketingConsent: contactFields.marketingConsent.optional(),
    /** Optimistic concurrency: the version the client last saw (or send If-Match). */
    version: z.number().int().positive().optional(),
  })
  .strict();
export type ContactPatch = z.infer<typeof contactPatch>;

/** A contact as the API returns it. */
export const contact = z.object({
  ...recordMeta,
  name: z.string(),
  givenName: z.string().optional(),
  familyName: z.string().optional(),
  email: z.string().optional(),
  emails: z.array(z.string()).optional(),
  phone: z.string().optional(),
  companyId: z.string().optional(),
  /** Denormalised from the company at write time, for list columns. */
  companyName: z.string().optional(),
  title: z.string().optional(),
  address: address.optional(),
  tags: z.array(z.string()),
  lifecycleStage: lifecycleStage.optional(),
  tier: tier.optional(),
  ownerId: z.string(),
  source: z.string().optional(),
  customFields: z.record(z.string(), z.unknown()),
  marketingConsent: z.boolean(),
});
export type Contact = z.infer<typeof contact>;

/** Query of GET /api/contacts. */
export const contactListQuery = z
  .object({
    q: z.string().trim().min(1).max(100).optional(),
    tag: z.string().trim().min(1).max(40).optional(),
    ownerId: id.optional(),
    lifecycleStage: lifecycleStage.optional(),
    tier: tier.optional(),
    companyId: id.optional(),
    sort: z.enum(SORTS).default('updated'),
    order: z.enum(['asc', 'desc']).optional(),
    /** `deleted` lists the trash: records restorable for 30 days. */
    view: z.enum(['active', 'deleted']).default('active'),
    ...pageQuery,
  })
  .strict();
export type ContactListQuery = z.infer<typeof contactListQuery>;
