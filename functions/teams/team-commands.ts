import { randomUUID } from 'node:crypto';
import type { Principal } from '../../shared/auth/principal.js';
import { auditRecord } from '../../shared/db/audit.js';
import {
  getTeam,
  listTeams,
  membershipChanges,
  memberTeams,
  teamNotFound,
  writeTeam,
} from '../../shared/db/teams.repository.js';
import { diffRecords } from '../../shared/domain/common/diff.js';
import type { Team, TeamCreate, TeamPatch } from '../../shared/domain/teams/team.schema.js';
import { staleVersion } from '../../shared/http/errors.js';

/**
 * Team administration (admin, sysadmin): create, rename, change members, delete. Each change
 * writes the team, the member profiles it touches and an audit record in one transaction. A
 * deleted team's records keep their `teamId`: admins still see them, and reassigning them (one
 * by one or in bulk) puts them into the new owner's team.
 */

export const teamsOf = async (): Promise<{ items: Team[] }> => ({ items: await listTeams() });

export async function createTeam(input: TeamCreate, principal: Principal, now = new Date()): Promise<Team> {
  const at = now.toISOString();
  const memberIds = input.memberIds ?? [];
  const team: Team = { id: randomUUID(), name: input.name, memberIds, version: 1, createdAt: at, updatedAt: at };
  const changes = membershipChanges(team.id, [], memberIds, await memberTeams(memberIds));
  const audit = auditRecord({
    kind: 'team',
    entityId: team.id,
    entityName: team.name,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, team),
    at,
  });
  await writeTeam(undefined, team, changes, audit);
  return team;
}

export async function updateTeam(
  id: string,
  patch: Omit<TeamPatch, 'version'>,
  version: number,
  principal: Principal,
  now = new Date(),
): Promise<Team> {
  const before = await getTeam(id);
  if (!before) throw teamNotFound();
  if (before.version !== version) throw staleVersion('team');
  const at = now.toISOString();
  const memberIds = patch.memberIds ?? before.memberIds;
  const after: Team = { ...before, ...patch, memberIds, version: before.version + 1, updatedAt: at };
  const changes = diffRecords(before, after);
  if (changes.length === 0) return before;
  const touched = [...new Set([...before.memberIds, ...memberIds])];
  const profiles = membershipChanges(id, before.memberIds, memberIds, await memberTeams(touched));
  const audit = auditRecord({
    kind: 'team',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at,
  });
  await writeTeam(before, after, profiles, audit);
  return after;
}

export async function deleteTeam(id: string, principal: Principal, now = new Date()): Promise<void> {
  const before = await getTeam(id);
  if (!before) throw teamNotFound();
  const profiles = membershipChanges(id, before.memberIds, [], await memberTeams(before.memberIds));
  const audit = auditRecord({
    kind: 'team',
    entityId: id,
    entityName: before.name,
    action: 'deleted',
    actor: principal,
    changes: diffRecords(before, undefined),
    at: now.toISOString(),
  });
  await writeTeam(before, undefined, profiles, audit);
}
