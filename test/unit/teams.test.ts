import { beforeAll, describe, expect, it } from 'vitest';
import { keys, liveIndexKeys, teamIndexKeys, teamListSource, teamNameSearchSource } from '../../shared/db/keys.js';
import type { membershipChanges as MembershipChanges } from '../../shared/db/teams.repository.js';
import { assignedTeam } from '../../shared/domain/teams/team.schema.js';
import { anIndexedContact, TEAM_EAST, TEAM_WEST } from '../support/builders.js';

let membershipChanges: typeof MembershipChanges;

beforeAll(async () => {
  process.env.TABLE_NAME ??= 'test-table';
  ({ membershipChanges } = await import('../../shared/db/teams.repository.js'));
});

describe('team keys', () => {
  it('keeps a team in its own partition, listed by name in the TEAM partition of gsi2', () => {
    expect(keys.team('t-1')).toEqual({ pk: 'TEAM#t-1', sk: 'TEAM' });
    expect(teamIndexKeys({ id: 't-1', name: 'East 华东' })).toEqual({ gsi2pk: 'TEAM', gsi2sk: 'east 华东#t-1' });
  });

  it("indexes a record of a team in the team's partitions of gsi10 (updated) and gsi11 (name)", () => {
    const contact = anIndexedContact({ id: 'c-7', teamId: TEAM_EAST });
    expect(liveIndexKeys('contact', contact)).toMatchObject({
      gsi10pk: 'CONTACT#TEAM#team-east',
      gsi10sk: `${contact.updatedAt}#c-7`,
      gsi11pk: 'CONTACT#TEAM#team-east',
      gsi11sk: 'ann lee#c-7',
    });
  });

  it('gives a record of no team no team index entry', () => {
    const keysOf = liveIndexKeys('company', anIndexedContact());
    expect(keysOf).not.toHaveProperty('gsi10pk');
    expect(keysOf).not.toHaveProperty('gsi11pk');
  });

  it.each([
    ['updated', 'gsi10'],
    ['created', 'gsi10'],
    ['name', 'gsi11'],
  ] as const)('serves a team list sorted by %s from %s', (sort, index) => {
    expect(teamListSource('company', sort, TEAM_WEST)).toEqual({ index, pk: 'COMPANY#TEAM#team-west' });
  });

  it('searches a team by name prefix, folded like names are', () => {
    expect(teamNameSearchSource('contact', 'ANN ', TEAM_EAST)).toEqual({
      index: 'gsi11',
      pk: 'CONTACT#TEAM#team-east',
      skPrefix: 'ann',
    });
  });

  it('keeps a bulk reassignment job in its own partition', () => {
    expect(keys.reassignment('j-1')).toEqual({ pk: 'REASSIGNMENT#j-1', sk: 'JOB' });
  });
});

describe('assignedTeam', () => {
  it.each<[string, string[], (string | undefined)[], string | undefined]>([
    ["the owner's first team when nothing is preferred", [TEAM_WEST, TEAM_EAST], [], TEAM_WEST],
    ["the record's current team when the owner is in it", [TEAM_WEST, TEAM_EAST], [TEAM_EAST], TEAM_EAST],
    ["the assigner's team the owner shares", [TEAM_WEST, TEAM_EAST], [undefined, 'team-x', TEAM_EAST], TEAM_EAST],
    ['no team when the owner has none', [], [TEAM_EAST], undefined],
  ])('picks %s', (_case, ownerTeams, preferred, expected) => {
    expect(assignedTeam(ownerTeams, preferred)).toBe(expected);
  });
});

describe('membershipChanges', () => {
  const profiles = new Map([
    ['u-1', [TEAM_WEST]],
    ['u-2', [TEAM_EAST]],
    ['u-3', []],
  ]);

  it('adds the team to joining members and removes it from leaving ones', () => {
    expect(membershipChanges(TEAM_EAST, ['u-2'], ['u-1', 'u-3'], profiles)).toEqual([
      { userId: 'u-1', before: [TEAM_WEST], after: [TEAM_WEST, TEAM_EAST] },
      { userId: 'u-3', before: [], after: [TEAM_EAST] },
      { userId: 'u-2', before: [TEAM_EAST], after: [] },
    ]);
  });

  it('changes nothing for members who stay', () => {
    expect(membershipChanges(TEAM_EAST, ['u-2'], ['u-2'], profiles)).toEqual([]);
  });

  it('rejects an unknown user with 400 naming memberIds', () => {
    expect(() => membershipChanges(TEAM_EAST, [], ['nobody'], profiles)).toThrow(
      expect.objectContaining({ kind: 'bad_request', fields: { memberIds: 'Unknown user nobody' } }),
    );
  });
});
