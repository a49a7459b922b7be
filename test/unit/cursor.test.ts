import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, type StartKey } from '../../shared/db/cursor.js';
import {
  auditLogSource,
  type ListSource,
  listSource,
  liveIndexKeys,
  nameSearchSource,
  trashSource,
} from '../../shared/db/keys.js';
import { AppError } from '../../shared/domain/common/errors.js';
import { statusOf } from '../../shared/http/error-status.js';
import { anIndexedContact } from '../support/builders.js';

const ownList: ListSource = listSource('contact', 'updated', 'u-1');
const allList: ListSource = listSource('contact', 'updated');

/** The LastEvaluatedKey DynamoDB returns for an item read from `source`'s index. */
function lastKeyOf(ownerId: string): StartKey {
  const contact = anIndexedContact({ id: 'c-9', ownerId });
  const attrs = liveIndexKeys('contact', contact);
  return { pk: 'CONTACT#c-9', sk: 'CONTACT', gsi4pk: attrs.gsi4pk!, gsi4sk: attrs.gsi4sk! };
}

/** A cursor as a client could forge it: any JSON, base64url-encoded. */
function forged(payload: unknown): string {
  return Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
}

function rejectionOf(source: ListSource, cursor: string): unknown {
  try {
    decodeCursor(source, cursor);
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('encodeCursor', () => {
  it('answers null when there is no next page', () => {
    expect(encodeCursor(ownList, undefined)).toBeNull();
  });

  it('encodes as URL-safe base64 without padding', () => {
    const cursor = encodeCursor(ownList, lastKeyOf('u-1'));

    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });
});

describe('decodeCursor', () => {
  it('gives back the key it encoded', () => {
    const key = lastKeyOf('u-1');

    const cursor = encodeCursor(ownList, key)!;

    expect(decodeCursor(ownList, cursor)).toEqual(key);
  });

  it('round-trips keys of the base table and of search indexes', () => {
    const search = nameSearchSource('contact', 'ann');
    const key = { pk: 'CONTACT#c-1', sk: 'CONTACT', gsi2pk: 'CONTACT', gsi2sk: 'ann lee#c-1' };

    expect(decodeCursor(search, encodeCursor(search, key)!)).toEqual(key);
  });

  it('round-trips names with characters outside ASCII', () => {
    const key = { pk: 'CONTACT#c-1', sk: 'CONTACT', gsi2pk: 'CONTACT', gsi2sk: '张伟#c-1' };
    const byName = listSource('contact', 'name');

    expect(decodeCursor(byName, encodeCursor(byName, key)!)).toEqual(key);
  });

  it('round-trips keys of the two-digit indexes (gsi10, gsi11)', () => {
    const team = { index: 'gsi10', pk: 'CONTRACT#TEAM#t-1' } as const;
    const key = { pk: 'CONTRACT#k-1', sk: 'CONTRACT', gsi10pk: 'CONTRACT#TEAM#t-1', gsi10sk: '2026-01-01#k-1' };

    expect(decodeCursor(team, encodeCursor(team, key)!)).toEqual(key);
  });

  it('starts from the first page when there is no cursor', () => {
    expect(decodeCursor(ownList, undefined)).toBeUndefined();
  });

  it.each<[string, ListSource, () => string]>([
    ['is not base64 of JSON', ownList, () => 'not-a-cursor'],
    ['is base64 of text that is not JSON', ownList, () => Buffer.from('{"i":').toString('base64url')],
    ['is JSON null', ownList, () => forged(null)],
    ['is a JSON string', ownList, () => forged('gsi4')],
    ['is a JSON number', ownList, () => forged(42)],
    ['has no key', ownList, () => forged({ i: 'gsi4' })],
    ['has a null key', ownList, () => forged({ i: 'gsi4', k: null })],
    ['has an empty key', ownList, () => forged({ i: 'gsi4', k: {} })],
    ['has a key that is an array', ownList, () => forged({ i: 'gsi4', k: ['CONTACT#OWNER#u-1'] })],
    ['came from another index', ownList, () => encodeCursor(trashSource('contact'), lastKeyOf('u-1'))!],
    ['names no index', ownList, () => forged({ k: lastKeyOf('u-1') })],
    [
      "came from another owner's partition",
      ownList,
      () => encodeCursor(listSource('contact', 'updated', 'u-2'), lastKeyOf('u-2'))!,
    ],
    [
      'lacks the partition attribute of its index',
      ownList,
      () => forged({ i: 'gsi4', k: { pk: 'CONTACT#c-9', sk: 'CONTACT', gsi4sk: '2026#c-9' } }),
    ],
    ['has a non-string value', ownList, () => forged({ i: 'gsi4', k: { ...lastKeyOf('u-1'), gsi4sk: 20260301 } })],
    [
      'has a nested object value',
      ownList,
      () => forged({ i: 'gsi4', k: { ...lastKeyOf('u-1'), sk: { S: 'CONTACT' } } }),
    ],
    [
      'names an attribute that is not a key attribute',
      ownList,
      () => forged({ i: 'gsi4', k: { ...lastKeyOf('u-1'), ownerId: 'u-1' } }),
    ],
    [
      'names a non-existent index attribute',
      ownList,
      () => forged({ i: 'gsi4', k: { gsi4pk: 'CONTACT#OWNER#u-1', gsi0sk: 'x' } }),
    ],
    [
      'has more attributes than any DynamoDB key',
      ownList,
      () => forged({ i: 'gsi4', k: { ...lastKeyOf('u-1'), gsi1pk: 'CONTACT', gsi1sk: 'x' } }),
    ],
  ])('rejects a cursor that %s with a 400 naming the cursor', (_case, source, cursor) => {
    const error = rejectionOf(source, cursor());

    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('bad_request');
    expect(statusOf((error as AppError).kind)).toBe(400);
    expect((error as AppError).fields?.cursor).toEqual(expect.any(String));
  });

  it('rejects a cursor from outside the time range it is used with', () => {
    const march: ListSource = { ...auditLogSource, skRange: { from: '2026-03-01', to: '2026-03-31~' } };
    const key = (at: string) => ({ pk: 'AUDIT#CONTACT#c-1', sk: `${at}#a-1`, gsi1pk: 'AUDIT', gsi1sk: `${at}#a-1` });

    expect(decodeCursor(march, encodeCursor(march, key('2026-03-15'))!)).toEqual(key('2026-03-15'));
    expect(rejectionOf(march, encodeCursor(auditLogSource, key('2026-04-02'))!)).toBeInstanceOf(AppError);
    expect(rejectionOf(march, encodeCursor(auditLogSource, key('2026-02-27'))!)).toBeInstanceOf(AppError);
  });

  it("does not let a cursor of a rep's own list page through the list of all contacts", () => {
    const mine = encodeCursor(ownList, lastKeyOf('u-1'))!;

    expect(() => decodeCursor(allList, mine)).toThrow(AppError);
  });
});
