import { ROLES, type Role } from '../../auth/roles.js';
import { version } from '../common/fields.js';
import { nationalDigits, phoneQueryDigits, toE164 } from '../common/phone.js';
import * as z from '../common/zod.js';
import { isSealed } from './sealed.js';
import { ENCRYPTED_MARKER, mayAccessField } from './sensitive-fields.js';
import type { FieldChange } from './timeline.schema.js';

/**
 * Built-in fields an admin may mark sensitive, like a sensitive custom field: stored encrypted
 * (the whole value, e.g. the address object), readable by `readRoles` (and admin), masked for
 * everyone else, `[encrypted]` in audit records. Contacts and companies have no free-text notes
 * or description field; their personal data beyond name and e-mail is the phone and the address.
 * The setting lives in the custom-field set item of the entity (`builtIn`), versioned per field.
 */
type RecordKind = 'contact' | 'company';

export const BUILT_IN_SENSITIVE_FIELDS = {
  contact: ['phone', 'address'],
  company: ['address'],
} as const satisfies Record<RecordKind, readonly string[]>;
export type BuiltInField = 'phone' | 'address';

export interface BuiltInSensitivity {
  key: BuiltInField;
  sensitive: boolean;
  readRoles: Role[];
  version: number;
  updatedAt?: string;
}

export const builtInFieldParams = z.strictObject({
  entity: z.enum(['contact', 'company']),
  field: z.enum(['phone', 'address']),
});

export const builtInSensitivityPatch = z.strictObject({
  sensitive: z.optional(z.boolean()),
  readRoles: z.optional(z.array(z.enum(ROLES)).check(z.maxLength(ROLES.length))),
  version: z.optional(version),
});
export type BuiltInSensitivityPatch = z.infer<typeof builtInSensitivityPatch>;

export function isBuiltInField(kind: RecordKind, field: string): field is BuiltInField {
  return (BUILT_IN_SENSITIVE_FIELDS[kind] as readonly string[]).includes(field);
}

/** Every built-in field of the entity with its setting (not sensitive, version 1, when never set). */
export function builtInSettings(
  kind: RecordKind,
  stored: readonly BuiltInSensitivity[] | undefined,
): BuiltInSensitivity[] {
  return BUILT_IN_SENSITIVE_FIELDS[kind].map(
    (key) => stored?.find((s) => s.key === key) ?? { key, sensitive: false, readRoles: [], version: 1 },
  );
}

export const sensitiveBuiltIns = (stored: readonly BuiltInSensitivity[] | undefined) =>
  (stored ?? []).filter((s) => s.sensitive);

/** The built-in sensitive fields a write touches that the roles may not write, keyed by field. */
export function forbiddenBuiltInWrites(
  roles: readonly Role[],
  stored: readonly BuiltInSensitivity[] | undefined,
  written: Record<string, unknown>,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const s of sensitiveBuiltIns(stored)) {
    if (s.key in written && written[s.key] !== undefined && !mayAccessField(roles, s)) {
      errors[s.key] = 'Your role may not write this sensitive field';
    }
  }
  return errors;
}

/** What a principal sees of a stored built-in value: itself, or MASK when sealed and not theirs. */
export function mayReadBuiltIn(roles: readonly Role[], setting: BuiltInSensitivity | undefined): boolean {
  return setting?.sensitive === true && mayAccessField(roles, setting);
}

/**
 * Audit changes with each sensitive built-in field collapsed to one change carrying the marker
 * (an address's sub-fields included), and the phone's blind index never shown.
 */
export function maskBuiltInChanges(
  changes: FieldChange[],
  stored: readonly BuiltInSensitivity[] | undefined,
): FieldChange[] {
  const sensitive = new Set(sensitiveBuiltIns(stored).map((s) => s.key as string));
  const out: FieldChange[] = [];
  const collapsed = new Map<string, FieldChange>();
  for (const c of changes) {
    const top = c.field.split('.')[0]!;
    if (top === 'phoneBlind') continue;
    const sealedNow = isSealed(c.before) || isSealed(c.after) || c.field.endsWith('.$sealed');
    if (!sensitive.has(top) && !sealedNow) {
      out.push(c);
      continue;
    }
    const entry = collapsed.get(top) ?? { field: top, before: null, after: null };
    if (c.before !== null && c.before !== undefined) entry.before = ENCRYPTED_MARKER;
    if (c.after !== null && c.after !== undefined) entry.after = ENCRYPTED_MARKER;
    if (!collapsed.has(top)) {
      collapsed.set(top, entry);
      out.push(entry);
    }
  }
  return out;
}

/**
 * The national digits an exact phone match compares (duplicate check, search of a sensitive
 * phone): the number read as E.164 when it parses, else the typed digits. Undefined below 6 digits.
 */
export function exactPhoneDigits(typed: string): string | undefined {
  const e164 = toE164(typed);
  const digits = e164 ? nationalDigits(e164) : phoneQueryDigits(typed);
  return digits.length >= 6 ? digits : undefined;
}
