import { describe, expect, it } from 'vitest';
import {
  inScope,
  parseGroupsClaim,
  parseTeamsClaim,
  principalFromClaims,
  recordScopeOf,
} from '../../shared/auth/principal.js';
import type { Role } from '../../shared/auth/roles.js';
import {
  aManager,
  aPrincipal,
  aPrincipalWithRoles,
  aSalesRep,
  SALES_REP_ID,
  TEAM_EAST,
  TEAM_WEST,
} from '../support/builders.js';

describe('recordScopeOf', () => {
  it('scopes a sales rep to the records they own', () => {
    expect(recordScopeOf(aSalesRep())).toEqual({ kind: 'owner', ownerId: SALES_REP_ID });
  });

  it.each<[string, Role[]]>([
    ['an admin', ['admin']],
    ['a sysadmin', ['sysadmin']],
    ['support', ['support']],
    ['marketing', ['marketing']],
    ['finance', ['finance']],
    ['a sales rep who also does support', ['sales', 'support']],
    ['a manager who is also an admin', ['manager', 'admin']],
  ])('lets %s see all records', (_who, roles) => {
    expect(recordScopeOf(aPrincipalWithRoles(...roles))).toEqual({ kind: 'all' });
  });

  it("scopes a manager to their teams' records", () => {
    expect(recordScopeOf(aManager([TEAM_EAST, TEAM_WEST]))).toEqual({ kind: 'team', teamIds: [TEAM_EAST, TEAM_WEST] });
  });

  it.each<[string, Role[]]>([
    ['sales and manager', ['sales', 'manager']],
    ['manager and sales', ['manager', 'sales']],
  ])('gives a user who is both %s the wider team scope', (_who, roles) => {
    const both = aPrincipal({ roles, teamIds: [TEAM_EAST] });
    expect(recordScopeOf(both)).toEqual({ kind: 'team', teamIds: [TEAM_EAST] });
  });

  it('leaves a manager of no team with no records, never all', () => {
    expect(recordScopeOf(aManager([]))).toEqual({ kind: 'team', teamIds: [] });
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

    expect(principalFromClaims(claims)).toEqual({
      userId: 'u-1',
      name: 'Ann Lee',
      roles: ['sales', 'manager'],
      teamIds: [],
    });
  });

  it('reads the teams from the custom:teams claim', () => {
    expect(principalFromClaims({ sub: 'u-1', 'custom:teams': 'team-east,team-west' })?.teamIds).toEqual([
      'team-east',
      'team-west',
    ]);
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

describe('parseTeamsClaim', () => {
  it.each<[string, unknown, string[]]>([
    ['a comma-separated list', 'team-east,team-west', ['team-east', 'team-west']],
    ['spaces around ids', ' team-east , team-west ', ['team-east', 'team-west']],
    ['duplicates', 'team-east,team-east', ['team-east']],
    ['an empty string', '', []],
    ['ids that are not ids', 'team-east,<script>,a b', ['team-east']],
    ['a non-string', ['team-east'], []],
    ['undefined', undefined, []],
  ])('reads %s', (_form, raw, teams) => {
    expect(parseTeamsClaim(raw)).toEqual(teams);
  });
});

describe('inScope', () => {
  const record = (ownerId: string, teamId?: string) => ({ ownerId, ...(teamId ? { teamId } : {}) });

  it.each<[string, Parameters<typeof inScope>[0], ReturnType<typeof record>, boolean]>([
    ['all sees any record', { kind: 'all' }, record('u-2'), true],
    ['an owner sees their own', { kind: 'owner', ownerId: 'u-1' }, record('u-1', TEAM_EAST), true],
    ["an owner does not see another rep's", { kind: 'owner', ownerId: 'u-1' }, record('u-2', TEAM_EAST), false],
    ["a team sees its team's records", { kind: 'team', teamIds: [TEAM_EAST] }, record('u-2', TEAM_EAST), true],
    ["a team does not see another team's", { kind: 'team', teamIds: [TEAM_EAST] }, record('u-2', TEAM_WEST), false],
    ['a team does not see records of no team', { kind: 'team', teamIds: [TEAM_EAST] }, record('u-2'), false],
  ])('%s', (_case, scope, rec, expected) => {
    expect(inScope(scope, rec)).toBe(expected);
  });
});
