import { describe, expect, it } from 'vitest';
import { companyCreate, companyListQuery, companyPatch } from '../../shared/domain/customers/company.schema.js';
import { aCompanyBody } from '../support/builders.js';
import { rejectedFields } from './zod-issues.js';

describe('companyCreate', () => {
  it('accepts a company with just a name', () => {
    expect(companyCreate.parse({ name: '华云科技' })).toEqual({ name: '华云科技' });
  });

  it('rejects an unknown field', () => {
    expect(rejectedFields(companyCreate, aCompanyBody({ revenue: 10 }))).toEqual(['revenue']);
  });

  it.each([
    ['https://www.Example.com/path', 'example.com'],
    ['http://example.com', 'example.com'],
    ['www.example.com', 'example.com'],
    ['  EXAMPLE.COM  ', 'example.com'],
    ['example.com/', 'example.com'],
    ['shop.example.co.uk', 'shop.example.co.uk'],
    ['huayun-tech.cn', 'huayun-tech.cn'],
    ['HTTPS://WWW.Example.com/a/b?c=d', 'example.com'],
  ])('normalises the domain %j to %j', (input, domain) => {
    expect(companyCreate.parse(aCompanyBody({ domain: input })).domain).toBe(domain);
  });

  it.each([
    ['a word without a dot', 'localhost'],
    ['spaces inside', 'exa mple.com'],
    ['an underscore', 'exa_mple.com'],
    ['a label starting with a hyphen', '-example.com'],
    ['a label ending with a hyphen', 'example-.com'],
    ['an empty label', 'example..com'],
    ['an e-mail address', 'info@example.com'],
    ['a port', 'example.com:8080'],
    ['a label of 64 characters', `${'a'.repeat(64)}.com`],
    ['nothing but a scheme', 'https://'],
    ['an empty string', ''],
  ])('rejects a domain with %s', (_case, domain) => {
    expect(rejectedFields(companyCreate, aCompanyBody({ domain }))).toEqual(['domain']);
  });

  it('trims and de-duplicates tags', () => {
    expect(companyCreate.parse(aCompanyBody({ tags: ['key-account ', 'key-account', ' 重点客户'] })).tags).toEqual([
      'key-account',
      '重点客户',
    ]);
  });

  it.each([
    ['an unknown size', { size: '10-20' }, 'size'],
    ['an unknown tier', { tier: 'diamond' }, 'tier'],
    ['a blank name', { name: ' ' }, 'name'],
    ['an industry of 101 characters', { industry: 'x'.repeat(101) }, 'industry'],
  ])('rejects %s', (_case, overrides, field) => {
    expect(rejectedFields(companyCreate, aCompanyBody(overrides))).toEqual([field]);
  });
});

describe('companyPatch', () => {
  it.each(['domain', 'industry', 'size', 'address', 'tags', 'tier'])('lets null clear %s', (field) => {
    expect(companyPatch.parse({ [field]: null })).toEqual({ [field]: null });
  });

  it.each(['name', 'ownerId'])('does not let null clear %s', (field) => {
    expect(rejectedFields(companyPatch, { [field]: null })).toEqual([field]);
  });

  it('normalises a patched domain', () => {
    expect(companyPatch.parse({ domain: 'https://www.Example.com/path' }).domain).toBe('example.com');
  });

  it('rejects an unknown field', () => {
    expect(rejectedFields(companyPatch, { createdAt: '2026-01-01' })).toEqual(['createdAt']);
  });
});

describe('companyListQuery', () => {
  it('defaults to 50 recently updated active companies', () => {
    expect(companyListQuery.parse({})).toEqual({ limit: 50, sort: 'updated', view: 'active' });
  });

  it.each(['0', '201'])('rejects limit %s', (limit) => {
    expect(rejectedFields(companyListQuery, { limit })).toEqual(['limit']);
  });

  it('accepts limit 200', () => {
    expect(companyListQuery.parse({ limit: '200' }).limit).toBe(200);
  });

  it.each(['companyId', 'lifecycleStage'])('rejects the contact-only filter %s', (field) => {
    expect(rejectedFields(companyListQuery, { [field]: 'lead' })).toEqual([field]);
  });
});
