import type { Role } from '../../auth/roles.js';
import type { FieldChange } from './timeline.schema.js';

/**
 * Who may read and write a sensitive custom field, and what everyone else sees. Pure rules;
 * encryption itself lives in shared/crypto/field-protection.ts.
 *
 * Masking: a value the principal may not read is replaced by MASK, whatever its type. Nothing of
 * the plaintext is kept next to the ciphertext (not even the last characters), so showing a
 * masked value never needs a decryption. Audit records (timeline, audit log, CSV export) carry
 * ENCRYPTED_MARKER instead of a sensitive value, for every role.
 */
export const MASK = '••••';
export const ENCRYPTED_MARKER = '[encrypted]';

export interface SensitivityDef {
  key: string;
  sensitive?: boolean;
  readRoles?: readonly Role[];
}

/** Admins always; otherwise a role listed on the field. Non-sensitive fields: everyone. */
export function mayAccessField(roles: readonly Role[], def: SensitivityDef): boolean {
  if (!def.sensitive) return true;
  return roles.includes('admin') || roles.some((r) => def.readRoles?.includes(r));
}

/** The sensitive fields a write touches that the roles may not write, as `customFields.<key>` errors. */
export function forbiddenFieldWrites(
  roles: readonly Role[],
  defs: readonly SensitivityDef[],
  written: Record<string, unknown> | undefined,
): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const def of defs) {
    if (written && def.key in written && !mayAccessField(roles, def)) {
      errors[`customFields.${def.key}`] = 'Your role may not write this sensitive field';
    }
  }
  return errors;
}

/** Audit changes with every sensitive custom field's values replaced by the marker. */
export function maskSensitiveChanges(changes: FieldChange[], defs: readonly SensitivityDef[]): FieldChange[] {
  const sensitive = new Set(defs.filter((d) => d.sensitive).map((d) => `customFields.${d.key}`));
  return changes.map((c) =>
    sensitive.has(c.field) || [...sensitive].some((f) => c.field.startsWith(`${f}.`))
      ? {
          field: c.field.split('.').slice(0, 2).join('.'),
          before: c.before === null ? null : ENCRYPTED_MARKER,
          after: c.after === null ? null : ENCRYPTED_MARKER,
        }
      : c,
  );
}
