import { isCalendarDate } from '../common/dates.js';
import type { CustomFieldValues } from '../common/fields.js';
import type { CustomFieldDef } from './custom-field.schema.js';
import { isSealed } from './sealed.js';

/**
 * Checks a record's custom field values against the admin's definitions. Returns the values to
 * store (nulls removed) and the errors keyed `customFields.<key>`.
 */
export function checkCustomFields(
  defs: readonly CustomFieldDef[],
  values: CustomFieldValues,
): { values: Record<string, unknown>; errors: Record<string, string> } {
  const byKey = new Map(defs.map((d) => [d.key, d]));
  const errors: Record<string, string> = {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = byKey.get(key);
    if (!def) {
      errors[`customFields.${key}`] = 'Unknown custom field';
      continue;
    }
    if (value === null) continue;
    // Already encrypted (a sensitive value the write did not touch): checked when it was written.
    if (isSealed(value)) {
      out[key] = value;
      continue;
    }
    const problem = checkValue(def, value);
    if (problem) errors[`customFields.${key}`] = problem;
    else out[key] = value;
  }
  for (const def of defs) {
    if (def.required && out[def.key] === undefined && !errors[`customFields.${def.key}`]) {
      errors[`customFields.${def.key}`] = 'Required';
    }
  }
  return { values: out, errors };
}

function checkValue(def: CustomFieldDef, value: unknown): string | undefined {
  switch (def.type) {
    case 'text':
      return typeof value === 'string' ? undefined : 'Must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? undefined : 'Must be a number';
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'Must be true or false';
    case 'date':
      return typeof value === 'string' && isCalendarDate(value) ? undefined : 'Must be a date (YYYY-MM-DD)';
    case 'select':
      return typeof value === 'string' && def.options?.includes(value)
        ? undefined
        : `Must be one of: ${def.options?.join(', ')}`;
    case 'multiselect':
      return Array.isArray(value) && value.every((v) => def.options?.includes(v))
        ? undefined
        : `Each value must be one of: ${def.options?.join(', ')}`;
  }
}
