import type { Principal } from '../../auth/principal.js';
import { blindIndexOf } from '../../crypto/blind-index.js';
import { isSealed, openValue, sealValue } from '../../crypto/field-protection.js';
import { getCustomFieldSet } from '../../db/custom-fields.repository.js';
import type { StoredRecord } from '../../db/customer-records.repository.js';
import type { RecordKind } from '../../db/keys.js';
import {
  type BuiltInSensitivity,
  exactPhoneDigits,
  isBuiltInField,
  mayReadBuiltIn,
} from '../../domain/customers/builtin-sensitivity.js';
import type { CustomFieldDef } from '../../domain/customers/custom-field.schema.js';
import { MASK, mayAccessField } from '../../domain/customers/sensitive-fields.js';

/**
 * Sensitive custom field values between the API and the table: sealed (encrypted) before a write,
 * opened for the roles that may read them, masked for everyone else. A record without sealed
 * values costs nothing here: no definitions read, no SDK loaded.
 */

/**
 * Encrypts the plaintext values of sensitive fields (values already sealed stay as they are):
 * custom fields, and the built-in fields marked sensitive. A sealed phone gets its blind index.
 */
export async function sealSensitive(
  kind: RecordKind,
  record: StoredRecord,
  defs: readonly CustomFieldDef[],
  builtIn: readonly BuiltInSensitivity[] = [],
): Promise<StoredRecord> {
  const customFields = { ...record.customFields };
  for (const def of defs) {
    const value = customFields[def.key];
    if (!def.sensitive || value === undefined || value === null || isSealed(value)) continue;
    customFields[def.key] = await sealValue(value, { entity: kind, recordId: record.id, field: def.key });
  }
  const out: StoredRecord = { ...record, customFields };
  if (out.phone === undefined) delete out.phoneBlind;
  for (const setting of builtIn) {
    if (!setting.sensitive || !isBuiltInField(kind, setting.key)) continue;
    const value = out[setting.key];
    if (value === undefined || value === null || isSealed(value)) continue;
    out[setting.key] = await sealValue(value, { entity: kind, recordId: record.id, field: setting.key });
    if (setting.key === 'phone') {
      const digits = exactPhoneDigits(String(value));
      if (digits) out.phoneBlind = await blindIndexOf(digits);
      else delete out.phoneBlind;
    }
  }
  return out;
}

/**
 * Opens the sealed built-in values of fields no longer sensitive (the re-encryption job turning
 * sensitivity off); the phone leaves the blind index for the plain one.
 */
export async function unsealBuiltIns(
  kind: RecordKind,
  record: StoredRecord,
  builtIn: readonly BuiltInSensitivity[],
): Promise<StoredRecord> {
  const out: StoredRecord = { ...record };
  for (const key of ['phone', 'address'] as const) {
    const value = out[key];
    if (!isSealed(value) || builtIn.some((s) => s.key === key && s.sensitive)) continue;
    out[key] = await openValue(value, { entity: kind, recordId: record.id, field: key });
    if (key === 'phone') delete out.phoneBlind;
  }
  return out;
}

const BUILT_IN_KEYS = ['phone', 'address'] as const;

const hasSealed = (record: StoredRecord) =>
  Object.values(record.customFields ?? {}).some(isSealed) || BUILT_IN_KEYS.some((k) => isSealed(record[k]));

/** The record without its storage-only blind index. */
function withoutBlind(record: StoredRecord): StoredRecord {
  if (!('phoneBlind' in record)) return record;
  const { phoneBlind: _blind, ...rest } = record;
  return rest as StoredRecord;
}

/** Every sealed value masked: lists never decrypt (open one record to read what you may). */
export function maskSealed(record: StoredRecord): StoredRecord {
  if (!hasSealed(record)) return withoutBlind(record);
  const customFields = Object.fromEntries(
    Object.entries(record.customFields).map(([k, v]) => [k, isSealed(v) ? MASK : v]),
  );
  const out: StoredRecord = { ...withoutBlind(record), customFields };
  for (const k of BUILT_IN_KEYS) if (isSealed(out[k])) out[k] = MASK;
  return out;
}

/**
 * The record as this principal may see it: sealed values opened where the field's roles allow,
 * masked otherwise (and masked when the field is gone from the definitions).
 */
export async function revealFor(
  kind: RecordKind,
  stored: StoredRecord,
  principal: Principal,
  defs?: readonly CustomFieldDef[],
  builtInSettings?: readonly BuiltInSensitivity[],
): Promise<StoredRecord> {
  const record = withoutBlind(stored);
  if (!hasSealed(record)) return record;
  let known = defs;
  let builtIn = builtInSettings;
  if (!known || !builtIn) {
    const set = await getCustomFieldSet(kind);
    known ??= set.fields;
    builtIn ??= set.builtIn ?? [];
  }
  const out: StoredRecord = { ...record };
  for (const key of BUILT_IN_KEYS) {
    const value = record[key];
    if (!isSealed(value)) continue;
    const setting = builtIn.find((s) => s.key === key);
    out[key] = mayReadBuiltIn(principal.roles, setting)
      ? await openValue(value, { entity: kind, recordId: record.id, field: key })
      : MASK;
  }
  const byKey = new Map(known.map((d) => [d.key, d]));
  const customFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.customFields)) {
    const def = byKey.get(key);
    if (!isSealed(value)) customFields[key] = value;
    else if (def?.sensitive && mayAccessField(principal.roles, def)) {
      customFields[key] = await openValue(value, { entity: kind, recordId: record.id, field: key });
    } else customFields[key] = MASK;
  }
  return { ...out, customFields };
}

/** The blind index a typed phone is found by when phone is sensitive (undefined: too short). */
export async function phoneBlindOf(typed: string): Promise<string | undefined> {
  const digits = exactPhoneDigits(typed);
  return digits ? blindIndexOf(digits) : undefined;
}
