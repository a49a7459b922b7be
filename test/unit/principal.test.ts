import { describe, expect, it } from 'vitest';
import { parseGroupsClaim, principalFromClaims, recordScopeOf } from '../../shared/auth/principal.js';
import type { Role } from '../../shared/auth/roles.js';
import { aPrincipal, aPrincipalWithRoles, aSalesRep, SALES_REP_ID } from '../support/builders.js';

describe('recordScopeOf', () => {
  it('scopes a sales rep to the records they own', () => {
    expect(recordScopeOf(aSalesRep())).toEqual({ kind: 'owner', ownerId: SALES_REP_ID });
  });

  it.each<[string, Role[]]>([
    ['an admin', ['admin']],
    ['a manager', ['manager']],
    ['a sysadmin', ['sysadmin']],
    ['support', ['support']],
    ['marketing', ['marketing']],
    ['finance', ['finance']],
    ['a user who is both sales and manager', ['sales', 'manager']],
    ['a user who is both manager and sales', ['manager', 'sales']],
    ['a sales rep who also does support', ['sales', 'support']],
  ])('lets %s see all records', (_who, roles) => {
    expect(recordScopeOf(aPrincipalWithRoles(...roles))).toEqual({ kind: 'all' });
  });

  it('keeps a user with no roles at all to their own records, never to all', () => {
    const nobody = aPrincipal({ userId: 'u-none', roles: [] });
    expect(recordScopeOf(nobody)).toEqual({ kind: 'owner', ownerId: 'u-none' });
  });
});

describe('parseGroupsClaim', () => {
  it.each<[string, unknown, Role[]]>([
    ['the API Gateway string form', '[admin sales]', ['admin', 'sales']],
    ['a single group in brackets', '[sales]', ['sales']],
    ['a bare group name', 'manager', ['manager']],
    ['commas as separators', '[admin,sales]', ['admin', 'sales']],
    ['commas and spaces', '[admin, sales]', ['admin', 'sales']],
    ['extra spaces', '[ admin   finance ]', ['admin', 'finance']],
    ['an empty bracket pair', '[]', []],
    ['an empty string', '', []],
    ['an array of groups', ['admin', 'support'], ['admin', 'support']],
    ['an empty array', [], []],
  ])('reads %s', (_form, raw, roles) => {
    expect(parseGroupsClaim(raw)).toEqual(roles);
  });

  it.each<[string, unknown, Role[]]>([
    ['unknown groups in the string form', '[admin superuser]', ['admin']],
    ['unknown groups in an array', ['root', 'sales', 'Admin'], ['sales']],
    ['non-string array members', [42, null, 'finance', { role: 'admin' }], ['finance']],
    ['a number', 7, []],
    ['a boolean', true, []],
    ['null', null, []],
    ['undefined', undefined, []],
    ['an object', { admin: true }, []],
  ])('drops junk: %s', (_junk, raw, roles) => {
    expect(parseGroupsClaim(raw)).toEqual(roles);
  });
});

describe('principalFromClaims', () => {
  it('builds the principal from sub, name and groups', () => {
    const claims = { sub: 'u-1', name: 'Ann Lee', email: 'ann@cirrus.local', 'cognito:groups': '[sales manager]' };

    expect(principalFromClaims(claims)).toEqual({ userId: 'u-1', name: 'Ann Lee', roles: ['sales', 'manager'] });
  });

  it.each<[string, Record<string, unknown>]>([
    ['sub is missing', { name: 'Ann' }],
    ['sub is empty', { sub: '', name: 'Ann' }],
    ['sub is not a string', { sub: 12345, name: 'Ann' }],
  ])('answers undefined when %s', (_case, claims) => {
    expect(principalFromClaims(claims)).toBeUndefined();
  });

  it('falls back to the e-mail when there is no name', () => {
    expect(principalFromClaims({ sub: 'u-1', email: 'ann@cirrus.local' })?.name).toBe('ann@cirrus.local');
  });

  it('falls back to the e-mail when the name is not a string', () => {
    expect(principalFromClaims({ sub: 'u-1', name: 42, email: 'ann@cirrus.local' })?.name).toBe('ann@cirrus.local');
  });

  it('falls back to the subject when there is neither name nor e-mail', () => {
    expect(principalFromClaims({ sub: 'u-1' })?.name).toBe('u-1');
  });

  it('has no roles when the groups claim is absent', () => {
    expect(principalFromClaims({ sub: 'u-1' })?.roles).toEqual([]);
  });

  it('reads groups given as an array', () => {
    expect(principalFromClaims({ sub: 'u-1', 'cognito:groups': ['admin'] })?.roles).toEqual(['admin']);
  });
});
