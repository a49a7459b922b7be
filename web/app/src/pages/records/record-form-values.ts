import type { CompanyCreate, CompanyPatch, ContactCreate, ContactPatch, CustomFieldDef, Tier } from '../../api/types';
import {
  type CustomFieldFormValue,
  customFieldsBody,
  filledCustomFields,
  storedCustomFields,
} from '../../components/custom-field-values';
import { type AddressFormValues, addressBody, changed } from '../../components/form-values';
import type { RecordBase } from './record-kind';

/**
 * The form values every kind has, and how they become API bodies. A kind's form-values file adds
 * its own fields around these; strings may be blank, which means "not set".
 */
export interface RecordFormValues {
  name?: string;
  address?: AddressFormValues;
  tags?: string[];
  tier?: Tier;
  ownerId?: string;
  customFields?: Record<string, CustomFieldFormValue>;
}

/** A new record starts with no tags and its custom fields at their defaults. */
export function recordToForm(record: RecordBase | undefined, defs: readonly CustomFieldDef[]): RecordFormValues {
  if (!record) return { tags: [], customFields: storedCustomFields(defs, {}) };
  return {
    name: record.name,
    // A sensitive address shown masked is left out of the form, so it is never sent back.
    address: typeof record.address === 'object' ? { ...record.address } : undefined,
    tags: record.tags,
    tier: record.tier,
    ownerId: record.ownerId,
    customFields: storedCustomFields(defs, record.customFields),
  };
}

/** The shared fields in API form; unset ones are undefined. */
export function normalizeRecord(values: RecordFormValues, defs: readonly CustomFieldDef[]) {
  return {
    name: values.name?.trim() ?? '',
    address: addressBody(values.address),
    tags: (values.tags ?? []).map((tag) => tag.trim()).filter(Boolean),
    tier: values.tier || undefined,
    ownerId: values.ownerId || undefined,
    customFields: customFieldsBody(defs, values.customFields),
  };
}
type NormalizedRecord = ReturnType<typeof normalizeRecord>;

/** An empty list means "none", like blank text, which is undefined by now. */
function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/** Adds to a POST body those of `keys` that are set in `v` (not undefined, not an empty list). */
export function addSet<B, K extends keyof B>(
  body: B,
  v: NoInfer<{ [P in K]: B[P] | undefined }>,
  keys: readonly K[],
): void {
  for (const key of keys) {
    const value = v[key];
    if (value !== undefined && !isEmptyList(value)) body[key] = value;
  }
}

/** The fields of a PATCH body that null clears. */
type Clearable<B> = { [P in keyof B]-?: null extends B[P] ? P : never }[keyof B];

/** Adds to a PATCH body those of `keys` that the user changed; a cleared one (unset, no items) is sent as null. */
export function addChanged<B, K extends keyof B & Clearable<B>>(
  patch: B,
  next: NoInfer<{ [P in K]: B[P] | undefined }>,
  before: NoInfer<{ [P in K]: B[P] | undefined }>,
  keys: readonly K[],
): void {
  for (const key of keys) {
    const value = next[key];
    if (!changed(value, before[key])) continue;
    // K is Clearable, so null is one of B[K].
    patch[key] = (value === undefined || isEmptyList(value) ? null : value) as B[K];
  }
}

/** The fields both kinds' API bodies have, with the same types. */
type SharedField = keyof RecordFormValues;

/** The shared part of a POST body: the name, and only what else was filled in. */
export function recordCreateBody(v: NormalizedRecord) {
  const body: Pick<ContactCreate & CompanyCreate, SharedField> = { name: v.name };
  addSet(body, v, ['address', 'tags', 'tier', 'ownerId']);
  const custom = filledCustomFields(v.customFields);
  if (Object.keys(custom).length) body.customFields = custom;
  return body;
}

/**
 * The shared part of a PATCH body: only the fields the user changed (so the timeline shows real
 * edits); a cleared optional field is sent as null. The version is added by the caller.
 */
export function recordPatchBody(next: NormalizedRecord, before: NormalizedRecord) {
  const patch: Pick<ContactPatch & CompanyPatch, SharedField> = {};
  if (changed(next.name, before.name)) patch.name = next.name;
  addChanged(patch, next, before, ['address', 'tier']);
  // No tags is sent as [], not null; the owner can be changed but not removed.
  if (changed(next.tags, before.tags)) patch.tags = next.tags;
  if (next.ownerId && changed(next.ownerId, before.ownerId)) patch.ownerId = next.ownerId;
  // Only the custom fields the user changed: a sensitive value shown masked is never sent back.
  const custom = Object.fromEntries(
    Object.entries(next.customFields).filter(([key, value]) => changed(value, before.customFields[key])),
  );
  if (Object.keys(custom).length) patch.customFields = custom;
  return patch;
}
