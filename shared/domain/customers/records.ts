import { invalid } from '../common/errors.js';
import type { CustomFieldValues } from '../common/fields.js';
import { toE164 } from '../common/phone.js';
import type { CustomFieldDef } from './custom-field.schema.js';
import { checkCustomFields } from './custom-fields.js';

/**
 * Pure rules shared by contacts and companies: building a stored record from a create body,
 * merging a patch into it, and checking what the schema alone cannot (phone, custom fields).
 */

export interface WriteContext {
  now: string;
  defs: readonly CustomFieldDef[];
}

type Stored = Record<string, unknown> & { customFields: Record<string, unknown>; version: number };

/** Merges a PATCH body: absent = keep, null = clear; custom fields merge key by key. */
export function mergePatch<T extends Stored>(existing: T, patch: Record<string, unknown>): Record<string, unknown> {
  const next: Record<string, unknown> = { ...existing };
  for (const [field, value] of Object.entries(patch)) {
    if (field === 'version' || field === 'customFields' || value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  next.customFields = { ...existing.customFields, ...((patch.customFields as CustomFieldValues | undefined) ?? {}) };
  return next;
}

/**
 * Final checks of a record about to be stored: phone → E.164 (read in the address country),
 * custom fields against their definitions. Throws one 400 naming every bad field.
 */
export function finalizeRecord(record: Record<string, unknown>, ctx: WriteContext): Record<string, unknown> {
  const errors: Record<string, string> = {};
  const out = { ...record };
  if (typeof out.phone === 'string') {
    const country = (out.address as { country?: string } | undefined)?.country;
    const e164 = toE164(out.phone, country);
    if (e164) out.phone = e164;
    else errors.phone = 'Must be a valid phone number, e.g. +1 415 555 0100 or +86 138 0013 8000';
  }
  const custom = checkCustomFields(ctx.defs, (out.customFields ?? {}) as CustomFieldValues);
  Object.assign(errors, custom.errors);
  out.customFields = custom.values;
  if (Array.isArray(out.tags) === false) out.tags = [];
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return out;
}
