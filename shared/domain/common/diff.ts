import type { FieldChange } from '../customers/timeline.schema.js';

/** Fields that change on every write and say nothing about what the user changed. */
const IGNORED = new Set(['updatedAt', 'version', 'createdAt', 'id', 'deletedAt']);

/**
 * What changed between two versions of a record, field by field. Nested objects (address,
 * customFields) are compared per sub-field so the timeline can say "address.city".
 */
export function diffRecords(
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown> | undefined,
): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before ?? {}, after ?? {}, '', changes);
  return changes;
}

function walk(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  prefix: string,
  out: FieldChange[],
): void {
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  for (const field of fields) {
    if (!prefix && IGNORED.has(field)) continue;
    const path = prefix ? `${prefix}.${field}` : field;
    const b = before[field];
    const a = after[field];
    if (isPlainObject(b) || isPlainObject(a)) {
      walk(isPlainObject(b) ? b : {}, isPlainObject(a) ? a : {}, path, out);
    } else if (!sameValue(b, a)) {
      out.push({ field: path, before: b ?? null, after: a ?? null });
    }
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  return (a ?? null) === (b ?? null);
}
