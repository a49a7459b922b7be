import type { CustomFieldValues } from '../common/fields.js';
import type { CustomFieldDef } from './custom-field.schema.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day: Date.parse would read 2026-02-30 as 2 March. */
function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

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
