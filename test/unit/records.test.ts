import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/domain/common/errors.js';
import { finalizeRecord, mergePatch, type WriteContext } from '../../shared/domain/customers/records.js';
import { statusOf } from '../../shared/http/error-status.js';
import { aCustomFieldDef, aStoredContact } from '../support/builders.js';

const NOW = '2026-03-10T08:00:00.000Z';
const noDefs: WriteContext = { now: NOW, defs: [] };

function failureOf(record: Record<string, unknown>, ctx: WriteContext = noDefs): AppError {
  try {
    finalizeRecord(record, ctx);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('finalizeRecord accepted the record');
}

describe('mergePatch', () => {
  it('keeps fields the patch does not mention', () => {
    const existing = aStoredContact({ title: 'CTO', tier: 'gold' });

    const next = mergePatch(existing, { title: 'CEO' });

    expect(next).toEqual({ ...existing, title: 'CEO' });
  });

  it('keeps a field the patch sets to undefined', () => {
    const existing = aStoredContact({ title: 'CTO' });

    expect(mergePatch(existing, { title: undefined }).title).toBe('CTO');
  });

  it('clears a field the patch sets to null', () => {
    const next = mergePatch(aStoredContact({ title: 'CTO' }), { title: null });

    expect(next).not.toHaveProperty('title');
  });

  it('replaces the address as a whole', () => {
    const existing = aStoredContact({ address: { country: 'US', city: 'San Francisco', region: 'CA' } });

    const next = mergePatch(existing, { address: { country: 'CN', city: '上海' } });

    expect(next.address).toEqual({ country: 'CN', city: '上海' });
  });

  it('merges custom fields key by key', () => {
    const existing = aStoredContact({ customFields: { budget: 10, region: 'east' } });

    const next = mergePatch(existing, { customFields: { budget: 20, langs: ['en'] } });

    expect(next.customFields).toEqual({ budget: 20, region: 'east', langs: ['en'] });
  });

  it('keeps a cleared custom field as null for finalizeRecord to drop', () => {
    const existing = aStoredContact({ customFields: { budget: 10, region: 'east' } });

    const next = mergePatch(existing, { customFields: { region: null } });

    expect(next.customFields).toEqual({ budget: 10, region: null });
  });

  it('keeps custom fields when the patch has none', () => {
    const existing = aStoredContact({ customFields: { budget: 10 } });

    expect(mergePatch(existing, { title: 'CEO' }).customFields).toEqual({ budget: 10 });
  });

  it('never copies the version the client sent', () => {
    const existing = aStoredContact({ version: 3 });

    expect(mergePatch(existing, { version: 1, title: 'CEO' }).version).toBe(3);
  });

  it('leaves the stored record untouched', () => {
    const existing = aStoredContact({ title: 'CTO', customFields: { budget: 10 } });
    const snapshot = structuredClone(existing);

    mergePatch(existing, { title: null, customFields: { budget: 99 } });

    expect(existing).toEqual(snapshot);
  });
});

describe('finalizeRecord', () => {
  it.each([
    ['a national number read in the address country', '138 0013 8000', 'CN', '+8613800138000'],
    ['an international number', '+1 415 555 2671', undefined, '+14155552671'],
    ['an international number whatever the address country', '+1 415 555 2671', 'CN', '+14155552671'],
    ['a London number written nationally', '020 7946 0018', 'GB', '+442079460018'],
    ['a number with brackets and dashes', '(415) 555-2671', 'US', '+14155552671'],
    ['a number already in E.164', '+8613800138000', 'CN', '+8613800138000'],
  ])('stores %s in E.164', (_case, phone, country, e164) => {
    const record = aStoredContact({ phone, address: country ? { country } : undefined });

    expect(finalizeRecord(record, noDefs).phone).toBe(e164);
  });

  it.each([
    ['a national number without an address country', '138 0013 8000', undefined],
    ['a number too short to be real', '12345', 'US'],
    ['letters', 'call me', 'US'],
    ['an empty string', '', 'US'],
    ['a Chinese mobile number read as a US number', '138 0013 8000', 'US'],
  ])('rejects %s with a 400 naming phone', (_case, phone, country) => {
    const error = failureOf(aStoredContact({ phone, address: country ? { country } : undefined }));

    expect(error.kind).toBe('bad_request');
    expect(statusOf(error.kind)).toBe(400);
    expect(Object.keys(error.fields ?? {})).toEqual(['phone']);
  });

  it('leaves a record without a phone without one', () => {
    const record = aStoredContact();
    delete record.phone;

    expect(finalizeRecord(record, noDefs)).not.toHaveProperty('phone');
  });

  it('checks custom fields against their definitions and names each bad one', () => {
    const defs = [
      aCustomFieldDef({ key: 'budget', type: 'number' }),
      aCustomFieldDef({ key: 'region', type: 'select', options: ['east', 'west'] }),
    ];
    const record = aStoredContact({ customFields: { budget: 'a lot', region: 'north' } });

    const error = failureOf(record, { now: NOW, defs });

    expect(error.kind).toBe('bad_request');
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['customFields.budget', 'customFields.region']);
  });

  it('names a missing required custom field', () => {
    const defs = [aCustomFieldDef({ key: 'budget', type: 'number', required: true })];

    expect(failureOf(aStoredContact({ customFields: {} }), { now: NOW, defs }).fields).toEqual({
      'customFields.budget': 'Required',
    });
  });

  it('names a bad phone and bad custom fields in one error', () => {
    const defs = [aCustomFieldDef({ key: 'budget', type: 'number' })];
    const record = aStoredContact({ phone: 'nope', customFields: { budget: 'x' } });

    const error = failureOf(record, { now: NOW, defs });

    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['customFields.budget', 'phone']);
  });

  it('stores custom fields without the ones cleared with null', () => {
    const defs = [aCustomFieldDef({ key: 'budget', type: 'number' }), aCustomFieldDef({ key: 'nickname' })];
    const merged = mergePatch(aStoredContact({ customFields: { budget: 10, nickname: 'Annie' } }), {
      customFields: { nickname: null },
    });

    expect(finalizeRecord(merged, { now: NOW, defs }).customFields).toEqual({ budget: 10 });
  });

  it('gives a record without tags an empty list', () => {
    const record = aStoredContact();
    delete record.tags;

    expect(finalizeRecord(record, noDefs).tags).toEqual([]);
  });

  it('keeps the tags it was given', () => {
    expect(finalizeRecord(aStoredContact({ tags: ['vip', '华东'] }), noDefs).tags).toEqual(['vip', '华东']);
  });

  it('leaves its input untouched', () => {
    const record = aStoredContact({ phone: '138 0013 8000', address: { country: 'CN' }, customFields: {} });
    const snapshot = structuredClone(record);

    finalizeRecord(record, noDefs);

    expect(record).toEqual(snapshot);
  });
});
