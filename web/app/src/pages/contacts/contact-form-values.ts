import type { Contact, ContactCreate, ContactPatch, CustomFieldDef, LifecycleStage } from '../../api/types';
import { changed, emptyToUndefined } from '../../components/form-values';
import {
  addChanged,
  addSet,
  normalizeRecord,
  type RecordFormValues,
  recordCreateBody,
  recordPatchBody,
  recordToForm,
} from '../records/record-form-values';

/** What the contact form holds: the shared fields and these; strings may be blank, which means "not set". */
export interface ContactFormValues extends RecordFormValues {
  givenName?: string;
  familyName?: string;
  email?: string;
  emails?: string[];
  phone?: string;
  companyId?: string;
  title?: string;
  lifecycleStage?: LifecycleStage;
  source?: string;
  marketingConsent?: boolean;
}

/** `presetCompanyId` starts a new contact at that company. */
export function contactToForm(
  contact: Contact | undefined,
  defs: readonly CustomFieldDef[],
  presetCompanyId?: string | null,
): ContactFormValues {
  if (!contact) {
    const values: ContactFormValues = { ...recordToForm(undefined, defs), emails: [], marketingConsent: false };
    if (presetCompanyId) values.companyId = presetCompanyId;
    return values;
  }
  return {
    ...recordToForm(contact, defs),
    givenName: contact.givenName,
    familyName: contact.familyName,
    email: contact.email,
    emails: contact.emails ?? [],
    phone: contact.phone,
    companyId: contact.companyId,
    title: contact.title,
    lifecycleStage: contact.lifecycleStage,
    source: contact.source,
    marketingConsent: contact.marketingConsent,
  };
}

/** Every field in API form; unset ones are undefined. */
export function normalizeContact(values: ContactFormValues, defs: readonly CustomFieldDef[]) {
  return {
    ...normalizeRecord(values, defs),
    givenName: emptyToUndefined(values.givenName),
    familyName: emptyToUndefined(values.familyName),
    email: emptyToUndefined(values.email),
    emails: (values.emails ?? []).map((e) => e.trim()).filter(Boolean),
    phone: emptyToUndefined(values.phone),
    companyId: values.companyId || undefined,
    title: emptyToUndefined(values.title),
    lifecycleStage: values.lifecycleStage || undefined,
    source: emptyToUndefined(values.source),
    marketingConsent: Boolean(values.marketingConsent),
  };
}

export type NormalizedContact = ReturnType<typeof normalizeContact>;

/** The contact's own optional fields: sent when set, cleared with null. */
const OPTIONAL_FIELDS = [
  'givenName',
  'familyName',
  'email',
  'emails',
  'phone',
  'companyId',
  'title',
  'lifecycleStage',
  'source',
] as const;

/** POST /api/contacts: only what was filled in. */
export function contactCreateBody(v: NormalizedContact): ContactCreate {
  const body: ContactCreate = { ...recordCreateBody(v), marketingConsent: v.marketingConsent };
  addSet(body, v, OPTIONAL_FIELDS);
  return body;
}

/** PATCH /api/contacts/{id}: only the fields the user changed; a cleared optional field is sent as null. */
export function contactPatchBody(next: NormalizedContact, before: NormalizedContact): ContactPatch {
  const patch: ContactPatch = recordPatchBody(next, before);
  addChanged(patch, next, before, OPTIONAL_FIELDS);
  if (changed(next.marketingConsent, before.marketingConsent)) patch.marketingConsent = next.marketingConsent;
  return patch;
}
