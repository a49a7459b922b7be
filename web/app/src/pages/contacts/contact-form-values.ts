import type { Contact, ContactCreate, ContactPatch, CustomFieldDef, LifecycleStage, Tier } from '../../api/types';
import {
  type CustomFieldFormValue,
  customFieldsBody,
  filledCustomFields,
  storedCustomFields,
} from '../../components/custom-field-values';
import { type AddressFormValues, addressBody, changed, emptyToUndefined } from '../../components/form-values';

/** What the contact form holds; strings may be blank, which means "not set". */
export interface ContactFormValues {
  name?: string;
  givenName?: string;
  familyName?: string;
  email?: string;
  emails?: string[];
  phone?: string;
  companyId?: string;
  title?: string;
  address?: AddressFormValues;
  tags?: string[];
  lifecycleStage?: LifecycleStage;
  tier?: Tier;
  ownerId?: string;
  source?: string;
  marketingConsent?: boolean;
  customFields?: Record<string, CustomFieldFormValue>;
}

export function contactToForm(contact: Contact | undefined, defs: readonly CustomFieldDef[]): ContactFormValues {
  if (!contact) {
    return { tags: [], emails: [], marketingConsent: false, customFields: storedCustomFields(defs, {}) };
  }
  return {
    name: contact.name,
    givenName: contact.givenName,
    familyName: contact.familyName,
    email: contact.email,
    emails: contact.emails ?? [],
    phone: contact.phone,
    companyId: contact.companyId,
    title: contact.title,
    address: { ...contact.address },
    tags: contact.tags,
    lifecycleStage: contact.lifecycleStage,
    tier: contact.tier,
    ownerId: contact.ownerId,
    source: contact.source,
    marketingConsent: contact.marketingConsent,
    customFields: storedCustomFields(defs, contact.customFields),
  };
}

/** Every field in API form; unset ones are undefined. */
function normalize(values: ContactFormValues, defs: readonly CustomFieldDef[]) {
  return {
    name: values.name?.trim() ?? '',
    givenName: emptyToUndefined(values.givenName),
    familyName: emptyToUndefined(values.familyName),
    email: emptyToUndefined(values.email),
    emails: (values.emails ?? []).map((e) => e.trim()).filter(Boolean),
    phone: emptyToUndefined(values.phone),
    companyId: values.companyId || undefined,
    title: emptyToUndefined(values.title),
    address: addressBody(values.address),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    lifecycleStage: values.lifecycleStage || undefined,
    tier: values.tier || undefined,
    ownerId: values.ownerId || undefined,
    source: emptyToUndefined(values.source),
    marketingConsent: Boolean(values.marketingConsent),
    customFields: customFieldsBody(defs, values.customFields),
  };
}

/** POST /api/contacts: only what was filled in. */
export function contactCreateBody(values: ContactFormValues, defs: readonly CustomFieldDef[]): ContactCreate {
  const v = normalize(values, defs);
  const body: ContactCreate = { name: v.name, marketingConsent: v.marketingConsent };
  if (v.givenName) body.givenName = v.givenName;
  if (v.familyName) body.familyName = v.familyName;
  if (v.email) body.email = v.email;
  if (v.emails.length) body.emails = v.emails;
  if (v.phone) body.phone = v.phone;
  if (v.companyId) body.companyId = v.companyId;
  if (v.title) body.title = v.title;
  if (v.address) body.address = v.address;
  if (v.tags.length) body.tags = v.tags;
  if (v.lifecycleStage) body.lifecycleStage = v.lifecycleStage;
  if (v.tier) body.tier = v.tier;
  if (v.ownerId) body.ownerId = v.ownerId;
  if (v.source) body.source = v.source;
  const custom = filledCustomFields(v.customFields);
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/**
 * PATCH /api/contacts/{id}: only the fields the user changed (so the timeline shows real edits);
 * a cleared optional field is sent as null. The version is added by the caller.
 */
export function contactPatchBody(
  values: ContactFormValues,
  initial: ContactFormValues,
  defs: readonly CustomFieldDef[],
): ContactPatch {
  const next = normalize(values, defs);
  const before = normalize(initial, defs);
  const patch: ContactPatch = {};
  if (changed(next.name, before.name)) patch.name = next.name;
  if (changed(next.givenName, before.givenName)) patch.givenName = next.givenName ?? null;
  if (changed(next.familyName, before.familyName)) patch.familyName = next.familyName ?? null;
  if (changed(next.email, before.email)) patch.email = next.email ?? null;
  if (changed(next.emails, before.emails)) patch.emails = next.emails.length ? next.emails : null;
  if (changed(next.phone, before.phone)) patch.phone = next.phone ?? null;
  if (changed(next.companyId, before.companyId)) patch.companyId = next.companyId ?? null;
  if (changed(next.title, before.title)) patch.title = next.title ?? null;
  if (changed(next.address, before.address)) patch.address = next.address ?? null;
  if (changed(next.tags, before.tags)) patch.tags = next.tags;
  if (changed(next.lifecycleStage, before.lifecycleStage)) patch.lifecycleStage = next.lifecycleStage ?? null;
  if (changed(next.tier, before.tier)) patch.tier = next.tier ?? null;
  if (next.ownerId && changed(next.ownerId, before.ownerId)) patch.ownerId = next.ownerId;
  if (changed(next.source, before.source)) patch.source = next.source ?? null;
  if (changed(next.marketingConsent, before.marketingConsent)) patch.marketingConsent = next.marketingConsent;
  if (changed(next.customFields, before.customFields)) patch.customFields = next.customFields;
  return patch;
}
