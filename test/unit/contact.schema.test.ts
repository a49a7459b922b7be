import { describe, expect, it } from 'vitest';
import { contactCreate, contactListQuery, contactPatch } from '../../shared/domain/customers/contact.schema.js';
import { aContactBody } from '../support/builders.js';
import { rejectedFields } from './zod-issues.js';

describe('contactCreate', () => {
  it('accepts a contact with just a name', () => {
    expect(contactCreate.parse({ name: '张伟' })).toEqual({ name: '张伟' });
  });

  it('accepts a fully filled contact', () => {
    const body = aContactBody({
      givenName: 'Ann',
      familyName: 'Lee',
      emails: ['ann@home.example'],
      phone: '+1 415 555 2671',
      companyId: 'co-1',
      title: 'CTO',
      address: { country: 'US', region: 'CA', city: 'San Francisco', street: '500 Howard St', postalCode: '94105' },
      tags: ['vip'],
      lifecycleStage: 'lead',
      tier: 'gold',
      ownerId: 'u-1',
      source: 'web',
      customFields: { budget: 10, langs: ['en'], vipOptIn: true, nickname: null },
      marketingConsent: true,
    });

    expect(rejectedFields(contactCreate, body)).toEqual([]);
  });

  it('rejects an unknown field', () => {
    expect(rejectedFields(contactCreate, aContactBody({ shoeSize: 44 }))).toEqual(['shoeSize']);
  });

  it('rejects an unknown field inside the address', () => {
    expect(rejectedFields(contactCreate, aContactBody({ address: { planet: 'Mars' } }))).toEqual(['address.planet']);
  });

  it.each([
    ['a missing name', { name: undefined }, 'name'],
    ['a blank name', { name: '   ' }, 'name'],
    ['a name of 201 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a malformed e-mail', { email: 'ann@' }, 'email'],
    ['a lower-case country code', { address: { country: 'us' } }, 'address.country'],
    ['a three-letter country code', { address: { country: 'USA' } }, 'address.country'],
    ['an unknown lifecycle stage', { lifecycleStage: 'prospect' }, 'lifecycleStage'],
    ['an unknown tier', { tier: 'diamond' }, 'tier'],
    ['an id with a slash', { companyId: 'co/1' }, 'companyId'],
    ['a tag with a comma', { tags: ['a,b'] }, 'tags.0'],
    ['a blank tag', { tags: ['  '] }, 'tags.0'],
    ['a tag with angle brackets', { tags: ['<b>'] }, 'tags.0'],
    ['31 tags', { tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }, 'tags'],
    ['11 other e-mails', { emails: Array.from({ length: 11 }, (_, i) => `a${i}@x.com`) }, 'emails'],
    ['consent given as a string', { marketingConsent: 'yes' }, 'marketingConsent'],
  ])('rejects %s', (_case, overrides, field) => {
    expect(rejectedFields(contactCreate, aContactBody(overrides))).toEqual([field]);
  });

  it('stores the e-mail in lower case', () => {
    expect(contactCreate.parse(aContactBody({ email: 'Ann.Lee@NorthWind.COM' })).email).toBe('ann.lee@northwind.com');
  });

  it('stores the other e-mails in lower case', () => {
    expect(contactCreate.parse(aContactBody({ emails: ['A@X.COM', 'b@Y.com'] })).emails).toEqual([
      'a@x.com',
      'b@y.com',
    ]);
  });

  it('trims and de-duplicates tags, keeping their order', () => {
    const parsed = contactCreate.parse(aContactBody({ tags: [' vip ', 'partner', 'vip', '华东 ', '华东'] }));

    expect(parsed.tags).toEqual(['vip', 'partner', '华东']);
  });

  it('trims the name', () => {
    expect(contactCreate.parse(aContactBody({ name: '  Ann Lee ' })).name).toBe('Ann Lee');
  });

  it('rejects an unknown custom field key shape', () => {
    expect(rejectedFields(contactCreate, aContactBody({ customFields: { 'Bad Key': 1 } }))).toEqual([
      'customFields.Bad Key',
    ]);
  });
});

describe('contactPatch', () => {
  it('accepts an empty patch', () => {
    expect(contactPatch.parse({})).toEqual({});
  });

  it.each([
    'givenName',
    'familyName',
    'email',
    'emails',
    'phone',
    'companyId',
    'title',
    'address',
    'tags',
    'lifecycleStage',
    'tier',
    'source',
  ])('lets null clear %s', (field) => {
    expect(contactPatch.parse({ [field]: null })).toEqual({ [field]: null });
  });

  it.each(['name', 'ownerId', 'marketingConsent'])('does not let null clear %s', (field) => {
    expect(rejectedFields(contactPatch, { [field]: null })).toEqual([field]);
  });

  it('accepts the version the client last saw', () => {
    expect(contactPatch.parse({ version: 4 })).toEqual({ version: 4 });
  });

  it.each([0, -1, 1.5])('rejects version %s', (version) => {
    expect(rejectedFields(contactPatch, { version })).toEqual(['version']);
  });

  it('rejects an unknown field', () => {
    expect(rejectedFields(contactPatch, { id: 'c-2' })).toEqual(['id']);
  });

  it('lower-cases a patched e-mail', () => {
    expect(contactPatch.parse({ email: 'ANN@X.COM' }).email).toBe('ann@x.com');
  });
});

describe('contactListQuery', () => {
  it('defaults to 50 recently updated active contacts', () => {
    expect(contactListQuery.parse({})).toEqual({ limit: 50, sort: 'updated', view: 'active' });
  });

  it('reads the limit from its query-string form', () => {
    expect(contactListQuery.parse({ limit: '25' }).limit).toBe(25);
  });

  it.each(['1', '200'])('accepts the bound limit %s', (limit) => {
    expect(contactListQuery.parse({ limit }).limit).toBe(Number(limit));
  });

  it.each(['0', '201', '-5', '2.5', 'ten'])('rejects limit %s', (limit) => {
    expect(rejectedFields(contactListQuery, { limit })).toEqual(['limit']);
  });

  it.each([
    ['sort', 'popularity'],
    ['order', 'up'],
    ['view', 'archived'],
    ['lifecycleStage', 'prospect'],
    ['q', ''],
    ['q', 'x'.repeat(101)],
  ])('rejects %s=%j', (field, value) => {
    expect(rejectedFields(contactListQuery, { [field]: value })).toEqual([field]);
  });

  it('rejects an unknown query parameter', () => {
    expect(rejectedFields(contactListQuery, { page: '2' })).toEqual(['page']);
  });

  it('trims the search text', () => {
    expect(contactListQuery.parse({ q: '  ann  ' }).q).toBe('ann');
  });

  it('accepts the trash view sorted by name in ascending order', () => {
    expect(contactListQuery.parse({ view: 'deleted', sort: 'name', order: 'asc' })).toMatchObject({
      view: 'deleted',
      sort: 'name',
      order: 'asc',
    });
  });
});
