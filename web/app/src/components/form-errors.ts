import type { FormInstance } from 'antd';
import { ApiError } from '../api/api-error';

type NamePath = (string | number)[];

/**
 * API field path → form item path, where the form holds a field under another name
 * (`startDate` → `dates`, `address.country` → `country`); what is below the path follows it.
 */
export type FieldAliases = Record<string, string>;

function aliased(path: string, aliases: FieldAliases): string {
  for (const [from, to] of Object.entries(aliases)) {
    if (path === from || path.startsWith(`${from}.`)) return to + path.slice(from.length);
  }
  return path;
}

/**
 * Puts the API's field errors (`email`, `address.country`, `customFields.industry`, `emails.2`)
 * on the matching form items: the longest registered prefix of the path wins, so an error about
 * one entry of a list lands on the list's control. Returns the messages no item could take.
 */
export function applyFieldErrors(form: FormInstance, error: unknown, aliases: FieldAliases = {}): string[] {
  if (!(error instanceof ApiError)) return [];
  const registered = new Set(form.getFieldsError().map((field) => JSON.stringify(field.name)));
  const byItem = new Map<string, { name: NamePath; errors: string[] }>();
  const unmatched: string[] = [];

  for (const [path, message] of Object.entries(error.fields)) {
    // A list entry's index is a number in the form's own path (`hours.1.from` → ['hours', 1, 'from']).
    const segments = aliased(path, aliases)
      .split('.')
      .filter(Boolean)
      .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    let name: NamePath | undefined;
    for (let length = segments.length; length > 0 && !name; length--) {
      const candidate = segments.slice(0, length);
      if (registered.has(JSON.stringify(candidate))) name = candidate;
    }
    if (!name) {
      unmatched.push(`${path}: ${message}`);
      continue;
    }
    const key = JSON.stringify(name);
    const item = byItem.get(key) ?? { name, errors: [] };
    item.errors.push(message);
    byItem.set(key, item);
  }

  const items = [...byItem.values()];
  form.setFields(items);
  const first = items[0];
  if (first) form.scrollToField(first.name, { block: 'center' });
  return unmatched;
}
