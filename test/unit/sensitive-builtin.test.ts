import { beforeAll, describe, expect, it } from 'vitest';
import { type Principal, recordScopeOf } from '../../shared/auth/principal.js';
import { blindIndexWith, deriveBlindKey } from '../../shared/crypto/blind-index.js';
import type { ListQuery } from '../../shared/db/customer-records.repository.js';
import { liveIndexKeys, phoneBlindSource, phoneExactSource } from '../../shared/db/keys.js';
import {
  type BuiltInSensitivity,
  builtInSettings,
  exactPhoneDigits,
  forbiddenBuiltInWrites,
  isBuiltInField,
  maskBuiltInChanges,
  mayReadBuiltIn,
} from '../../shared/domain/customers/builtin-sensitivity.js';
import { ENCRYPTED_MARKER } from '../../shared/domain/customers/sensitive-fields.js';
import { aListQuery, aManager, anAdmin, aSalesRep } from '../support/builders.js';

const phone = (over: Partial<BuiltInSensitivity> = {}): BuiltInSensitivity => ({
  key: 'phone',
  sensitive: true,
  readRoles: ['finance'],
  version: 2,
  ...over,
});
const address = (over: Partial<BuiltInSensitivity> = {}): BuiltInSensitivity => ({
  key: 'address',
  sensitive: true,
  readRoles: [],
  version: 2,
  ...over,
});

describe('blind index of a sensitive phone', () => {
  const keyA = deriveBlindKey(new Uint8Array(32).fill(7));
  const keyB = deriveBlindKey(new Uint8Array(32).fill(8));

  it('is deterministic for one key, so an exact match finds it', () => {
    expect(blindIndexWith(keyA, '4155552671')).toBe(blindIndexWith(keyA, '4155552671'));
  });

  it('differs between numbers and between keys, and shows no digits', () => {
    const a = blindIndexWith(keyA, '4155552671');
    expect(a).not.toBe(blindIndexWith(keyA, '4155552672'));
    expect(a).not.toBe(blindIndexWith(keyB, '4155552671'));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toContain('4155');
  });

  it('uses a key derived from the field key, not the field key itself', () => {
    const fieldKey = new Uint8Array(32).fill(7);
    expect(Buffer.from(keyA).equals(Buffer.from(fieldKey))).toBe(false);
    expect(keyA).toHaveLength(32);
  });

  it('is indexed in its own gsi9 partition, never beside plain digits', () => {
    const base = { id: 'c1', name: 'A', ownerId: 'u', createdAt: 't', updatedAt: 't' };
    const sealed = liveIndexKeys('contact', { ...base, phone: { $sealed: 'x' }, phoneBlind: 'HASH' });
    expect(sealed).toMatchObject({ gsi9pk: 'CONTACT#PHONE_BLIND', gsi9sk: 'HASH#c1' });
    const plain = liveIndexKeys('contact', { ...base, phone: '+14155552671' });
    expect(plain).toMatchObject({ gsi9pk: 'CONTACT#PHONE', gsi9sk: '4155552671#c1' });
    expect(phoneBlindSource('HASH')).toEqual({ index: 'gsi9', pk: 'CONTACT#PHONE_BLIND', skPrefix: 'HASH#' });
    expect(phoneExactSource('4155552671').pk).toBe('CONTACT#PHONE');
  });

  it('reads any notation of the whole number as the same national digits', () => {
    expect(exactPhoneDigits('+1 415 555 2671')).toBe('4155552671');
    expect(exactPhoneDigits('+14155552671')).toBe('4155552671');
    expect(exactPhoneDigits('(415) 555-2671')).toBe('4155552671');
    expect(exactPhoneDigits('415')).toBeUndefined();
  });
});

describe('who reads and writes a sensitive built-in field', () => {
  it('lists every built-in field of an entity, not sensitive until set', () => {
    expect(builtInSettings('contact', undefined).map((s) => [s.key, s.sensitive, s.version])).toEqual([
      ['phone', false, 1],
      ['address', false, 1],
    ]);
    expect(builtInSettings('company', [address()]).map((s) => s.key)).toEqual(['address']);
    expect(isBuiltInField('company', 'phone')).toBe(false);
  });

  it('lets admins and the listed roles read; nobody reads a value that is not sealed through this', () => {
    expect(mayReadBuiltIn(['admin'], phone())).toBe(true);
    expect(mayReadBuiltIn(['finance'], phone())).toBe(true);
    expect(mayReadBuiltIn(['support'], phone())).toBe(false);
    expect(mayReadBuiltIn(['sales'], undefined)).toBe(false);
  });

  it('names each sensitive field a role may not write, including a clear (null)', () => {
    expect(forbiddenBuiltInWrites(['sales'], [phone(), address()], { phone: null, name: 'x' })).toEqual({
      phone: 'Your role may not write this sensitive field',
    });
    expect(forbiddenBuiltInWrites(['finance'], [phone()], { phone: '+1' })).toEqual({});
    expect(forbiddenBuiltInWrites(['sales'], [phone({ sensitive: false })], { phone: '+1' })).toEqual({});
    expect(forbiddenBuiltInWrites(['sales'], [address()], { address: { city: 'X' } })).toHaveProperty('address');
  });
});

describe('audit changes of sensitive built-in fields', () => {
  it('collapses an address to one change with the marker, and drops the blind index', () => {
    const out = maskBuiltInChanges(
      [
        { field: 'address.city', before: 'Berlin', after: null },
        { field: 'address.$sealed', before: null, after: 'AQID' },
        { field: 'phoneBlind', before: null, after: 'HASH' },
        { field: 'title', before: 'A', after: 'B' },
      ],
      [address()],
    );
    expect(out).toEqual([
      { field: 'address', before: ENCRYPTED_MARKER, after: ENCRYPTED_MARKER },
      { field: 'title', before: 'A', after: 'B' },
    ]);
  });

  it('masks a sealed value even when the field is no longer sensitive (turning it off)', () => {
    const out = maskBuiltInChanges([{ field: 'phone', before: { $sealed: 'x' }, after: '+14155552671' }], []);
    expect(out).toEqual([{ field: 'phone', before: ENCRYPTED_MARKER, after: ENCRYPTED_MARKER }]);
  });

  it('leaves a field that is not sensitive as it is', () => {
    const change = { field: 'phone', before: null, after: '+14155552671' };
    expect(maskBuiltInChanges([change], [phone({ sensitive: false })])).toEqual([change]);
  });
});

describe('planList when the contact phone is sensitive', () => {
  let planRecordList: typeof import('../../shared/db/customer-records.repository.js').planRecordList;
  const planList = (kind: 'contact', query: ListQuery, principal: Principal, phoneBlind: string | null | undefined) =>
    planRecordList(kind, recordScopeOf(principal), query, phoneBlind);
  beforeAll(async () => {
    process.env.TABLE_NAME ??= 'test-table';
    ({ planRecordList } = await import('../../shared/db/customer-records.repository.js'));
  });

  it('matches a phone search through the blind index, in every scope (exact only, no prefix)', () => {
    for (const principal of [anAdmin(), aSalesRep(), aManager()]) {
      const plan = planList('contact', aListQuery({ q: '+1 415 555 2671' }), principal, 'HASH');
      expect(plan === 'empty' ? plan : plan.source).toEqual(phoneBlindSource('HASH'));
    }
  });

  it('finds nothing for a number too short to match whole, and leaves name search alone', () => {
    expect(planList('contact', aListQuery({ q: '415' }), anAdmin(), null)).toBe('empty');
    const byName = planList('contact', aListQuery({ q: 'Ann' }), anAdmin(), undefined);
    expect(byName === 'empty' ? byName : byName.source.index).toBe('gsi2');
  });
});
