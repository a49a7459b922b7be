import dayjs, { type Dayjs } from 'dayjs';
import type { CustomFieldDef, CustomFieldValue } from '../api/types';

/** What an antd control holds for a custom field (a date picker holds a Dayjs). */
export type CustomFieldFormValue = CustomFieldValue | Dayjs | undefined;

const DATE_FORMAT = 'YYYY-MM-DD';

/** Stored value → form control value. */
export function toFormValue(def: CustomFieldDef, stored: unknown): CustomFieldFormValue {
  if (stored === undefined || stored === null) return def.type === 'boolean' ? false : undefined;
  switch (def.type) {
    case 'date': {
      const date = typeof stored === 'string' ? dayjs(stored) : undefined;
      return date?.isValid() ? date : undefined;
    }
    case 'multiselect':
      return Array.isArray(stored) ? stored.map(String) : [String(stored)];
    case 'boolean':
      return Boolean(stored);
    case 'number':
      return typeof stored === 'number' ? stored : Number(stored);
    default:
      return String(stored);
  }
}

/** Form control value → the JSON the API stores; an empty control is null (cleared). */
export function fromFormValue(def: CustomFieldDef, value: CustomFieldFormValue): CustomFieldValue {
  if (value === undefined || value === null) return def.type === 'boolean' ? false : null;
  if (dayjs.isDayjs(value)) return value.format(DATE_FORMAT);
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (Array.isArray(value)) return value.length ? value : null;
  return value;
}

export function storedCustomFields(
  defs: readonly CustomFieldDef[],
  stored: Record<string, unknown> | undefined,
): Record<string, CustomFieldFormValue> {
  return Object.fromEntries(defs.map((def) => [def.key, toFormValue(def, stored?.[def.key])]));
}

/** Every defined field, cleared ones as null, so an edit can also empty a field. */
export function customFieldsBody(
  defs: readonly CustomFieldDef[],
  values: Record<string, CustomFieldFormValue> | undefined,
): Record<string, CustomFieldValue> {
  return Object.fromEntries(defs.map((def) => [def.key, fromFormValue(def, values?.[def.key])]));
}

/** Only the fields that hold something: what a create sends. */
export function filledCustomFields(body: Record<string, CustomFieldValue>): Record<string, CustomFieldValue> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null));
}
