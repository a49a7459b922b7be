import { describe, expect, it } from 'vitest';
import { diffRecords } from '../../shared/domain/common/diff.js';
import { aStoredContact } from '../support/builders.js';

describe('diffRecords', () => {
  it('reports nothing when nothing changed', () => {
    expect(diffRecords(aStoredContact(), aStoredContact())).toEqual([]);
  });

  it('reports a changed field with its before and after values', () => {
    const before = aStoredContact({ title: 'CTO' });
    const after = aStoredContact({ title: 'CEO' });

    expect(diffRecords(before, after)).toEqual([{ field: 'title', before: 'CTO', after: 'CEO' }]);
  });

  it('reports several changes in field-name order', () => {
    const before = aStoredContact({ title: 'CTO', name: 'Ann Lee', tier: 'gold' });
    const after = aStoredContact({ title: 'CEO', name: 'Ann Smith', tier: 'gold' });

    expect(diffRecords(before, after).map((c) => c.field)).toEqual(['name', 'title']);
  });

  it('reports an added field as a change from null', () => {
    const before = aStoredContact({ source: undefined });
    const after = aStoredContact({ source: 'web' });

    expect(diffRecords(before, after)).toEqual([{ field: 'source', before: null, after: 'web' }]);
  });

  it('reports a cleared field as a change to null', () => {
    const before = aStoredContact({ title: 'CTO' });
    const after = aStoredContact();
    delete after.title;

    expect(diffRecords(before, after)).toEqual([{ field: 'title', before: 'CTO', after: null }]);
  });

  it('treats null and absent as the same', () => {
    expect(diffRecords(aStoredContact({ title: null }), aStoredContact({ title: undefined }))).toEqual([]);
  });

  it('names a changed sub-field of the address as address.city', () => {
    const before = aStoredContact({ address: { country: 'US', city: 'San Francisco' } });
    const after = aStoredContact({ address: { country: 'US', city: 'New York' } });

    expect(diffRecords(before, after)).toEqual([{ field: 'address.city', before: 'San Francisco', after: 'New York' }]);
  });

  it('reports each sub-field of an address that was added', () => {
    const before = aStoredContact({ address: undefined });
    const after = aStoredContact({ address: { country: 'CN', city: '上海' } });

    expect(diffRecords(before, after)).toEqual([
      { field: 'address.city', before: null, after: '上海' },
      { field: 'address.country', before: null, after: 'CN' },
    ]);
  });

  it('reports each sub-field of an address that was cleared', () => {
    const before = aStoredContact({ address: { country: 'GB' } });
    const after = aStoredContact({ address: undefined });

    expect(diffRecords(before, after)).toEqual([{ field: 'address.country', before: 'GB', after: null }]);
  });

  it('names custom fields by key', () => {
    const before = aStoredContact({ customFields: { budget: 1000, region: 'east' } });
    const after = aStoredContact({ customFields: { budget: 2500, region: 'east' } });

    expect(diffRecords(before, after)).toEqual([{ field: 'customFields.budget', before: 1000, after: 2500 }]);
  });

  it.each([
    ['the same tags in a new array', ['vip', 'partner'], ['vip', 'partner'], false],
    ['reordered tags', ['vip', 'partner'], ['partner', 'vip'], true],
    ['an added tag', ['vip'], ['vip', 'partner'], true],
    ['a removed tag', ['vip', 'partner'], ['vip'], true],
    ['emptied tags', ['vip'], [], true],
  ])('compares arrays by value: %s changed = %s', (_case, beforeTags, afterTags, changed) => {
    const changes = diffRecords(aStoredContact({ tags: beforeTags }), aStoredContact({ tags: afterTags }));

    expect(changes).toEqual(changed ? [{ field: 'tags', before: beforeTags, after: afterTags }] : []);
  });

  it('compares multiselect custom values by value', () => {
    const before = aStoredContact({ customFields: { langs: ['en', 'zh'] } });
    const after = aStoredContact({ customFields: { langs: ['en', 'zh'] } });

    expect(diffRecords(before, after)).toEqual([]);
  });

  it.each(['updatedAt', 'version', 'createdAt', 'id', 'deletedAt'])(
    'ignores the %s stamp that changes on every write',
    (field) => {
      const before = aStoredContact({ [field]: 'before' });
      const after = aStoredContact({ [field]: 'after' });

      expect(diffRecords(before, after)).toEqual([]);
    },
  );

  it('does not ignore a custom field that happens to be named like a stamp', () => {
    const before = aStoredContact({ customFields: { version: 'v1' } });
    const after = aStoredContact({ customFields: { version: 'v2' } });

    expect(diffRecords(before, after)).toEqual([{ field: 'customFields.version', before: 'v1', after: 'v2' }]);
  });

  it('lists every field of a created record as a change from null, stamps left out', () => {
    const created = { id: 'c-1', version: 1, createdAt: 'now', updatedAt: 'now', name: 'Ann Lee', tags: ['vip'] };

    expect(diffRecords(undefined, created)).toEqual([
      { field: 'name', before: null, after: 'Ann Lee' },
      { field: 'tags', before: null, after: ['vip'] },
    ]);
  });

  it('lists every field of a deleted record as a change to null', () => {
    const deleted = { id: 'c-1', name: '张伟', address: { city: '北京' } };

    expect(diffRecords(deleted, undefined)).toEqual([
      { field: 'address.city', before: '北京', after: null },
      { field: 'name', before: '张伟', after: null },
    ]);
  });

  it('reports nothing between two missing records', () => {
    expect(diffRecords(undefined, undefined)).toEqual([]);
  });
});
