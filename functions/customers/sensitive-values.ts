import type { Principal } from '../../shared/auth/principal.js';
import { isSealed, openValue, sealValue } from '../../shared/crypto/field-protection.js';
import { getCustomFieldSet } from '../../shared/db/custom-fields.repository.js';
import type { StoredRecord } from '../../shared/db/customer-records.repository.js';
import type { RecordKind } from '../../shared/db/keys.js';
import type { CustomFieldDef } from '../../shared/domain/customers/custom-field.schema.js';
import { MASK, mayAccessField } from '../../shared/domain/customers/sensitive-fields.js';

/**
 * Sensitive custom field values between the API and the table: sealed (encrypted) before a write,
 * opened for the roles that may read them, masked for everyone else. A record without sealed
 * values costs nothing here: no definitions read, no SDK loaded.
 */

/** Encrypts the plaintext values of sensitive fields (values already sealed stay as they are). */
export async function sealSensitive(
  kind: RecordKind,
  record: StoredRecord,
  defs: readonly CustomFieldDef[],
): Promise<StoredRecord> {
  const customFields = { ...record.customFields };
  for (const def of defs) {
    const value = customFields[def.key];
    if (!def.sensitive || value === undefined || value === null || isSealed(value)) continue;
    customFields[def.key] = await sealValue(value, { entity: kind, recordId: record.id, field: def.key });
  }
  return { ...record, customFields };
}

const hasSealed = (record: StoredRecord) => Object.values(record.customFields ?? {}).some(isSealed);

/** Every sealed value masked: lists never decrypt (open one record to read what you may). */
export function maskSealed(record: StoredRecord): StoredRecord {
  if (!hasSealed(record)) return record;
  const customFields = Object.fromEntries(
    Object.entries(record.customFields).map(([k, v]) => [k, isSealed(v) ? MASK : v]),
  );
  return { ...record, customFields };
}

/**
 * The record as this principal may see it: sealed values opened where the field's roles allow,
 * masked otherwise (and masked when the field is gone from the definitions).
 */
export async function revealFor(
  kind: RecordKind,
  record: StoredRecord,
  principal: Principal,
  defs?: readonly CustomFieldDef[],
): Promise<StoredRecord> {
  if (!hasSealed(record)) return record;
  const known = defs ?? (await getCustomFieldSet(kind)).fields;
  const byKey = new Map(known.map((d) => [d.key, d]));
  const customFields: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record.customFields)) {
    const def = byKey.get(key);
    if (!isSealed(value)) customFields[key] = value;
    else if (def?.sensitive && mayAccessField(principal.roles, def)) {
      customFields[key] = await openValue(value, { entity: kind, recordId: record.id, field: key });
    } else customFields[key] = MASK;
  }
  return { ...record, customFields };
}
