import { invalid } from '../domain/common/errors.js';
import { keyAttributes, type ListSource, type SortKeyRange } from './keys.core.js';

/**
 * Opaque pagination cursors: base64url of the last key read. A cursor is only accepted for the
 * same index and partition it came from, so it cannot be used to read another scope.
 */
export type StartKey = Record<string, string>;

const KEY_ATTR = /^(pk|sk|gsi([1-9]|1[01])(pk|sk))$/;

export function encodeCursor(source: ListSource, key: StartKey | undefined): string | null {
  if (!key) return null;
  return Buffer.from(JSON.stringify({ i: source.index, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(source: ListSource, cursor: string | undefined): StartKey | undefined {
  if (cursor === undefined) return undefined;
  const bad = () => invalid({ cursor: 'Malformed or expired cursor; start from the first page' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (typeof parsed !== 'object' || parsed === null) throw bad();
  const { i, k } = parsed as { i?: unknown; k?: unknown };
  if (i !== source.index || typeof k !== 'object' || k === null) throw bad();
  const entries = Object.entries(k);
  if (entries.length === 0 || entries.length > 4) throw bad();
  if (!entries.every(([name, value]) => KEY_ATTR.test(name) && typeof value === 'string')) throw bad();
  const key = k as StartKey;
  const { pk, sk } = keyAttributes(source);
  if (key[pk] !== source.pk) throw bad();
  // DynamoDB refuses a start key outside the key condition; a cursor kept across a change of
  // time range is the client's mistake (400), not ours (500).
  if (source.skRange && !withinRange(key[sk], source.skRange)) throw bad();
  return key;
}

function withinRange(value: string | undefined, range: SortKeyRange): boolean {
  if (value === undefined) return false;
  return (range.from === undefined || value >= range.from) && (range.to === undefined || value <= range.to);
}
