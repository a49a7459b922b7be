import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { anyRecordInTeam } from '../../db/customer-records.repository.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import {
  getTeam,
  listTeams,
  membershipChanges,
  memberTeams,
  teamNotFound,
  writeTeam,
} from '../../db/teams.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, staleVersion } from '../../domain/common/errors.js';
import type { Team, TeamCreate, TeamPatch } from '../../domain/teams/team.schema.js';

/**
 * Team administration (admin, sysadmin): create, rename, change members, delete. Each change
 * writes the team, the member profiles it touches and an audit record in one transaction. A
 * team that still has contacts or companies cannot be deleted (409 team.has_records): reassign
 * them first (bulk reassignment puts them into the new owner's team). Its members simply leave it.
 */

export const teamHasRecords = () =>
  new AppError(
    'conflict',
    'team.has_records',
    'This team still has contacts or companies; reassign them to someone outside the team first',
  );

export const teamsOf = async (): Promise<{ items: Team[] }> => ({ items: await listTeams() });

export async function createTeam(
  input: TeamCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  now = new Date(),
): Promise<{ status: number; body: Team }> {
  const again = await replayed<Team>(idempotency);
  if (again) return again;
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
  await writeTeam(undefined, team, changes, audit, storeAnswer(idempotency, 201, team, now.getTime()));
  return { status: 201, body: team };
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
  // A team's records name it (teamId, team index): deleting it would leave them pointing at nothing.
  if (await anyRecordInTeam(id)) throw teamHasRecords();
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
