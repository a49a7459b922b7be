import { auditRecord } from '../../shared/db/audit.js';
import { getTeam, membershipChanges, memberTeams, writeTeam } from '../../shared/db/teams.repository.js';
import { diffRecords } from '../../shared/domain/common/diff.js';
import type { Team } from '../../shared/domain/teams/team.schema.js';
import { STAFF_USERS } from './staff-users.js';

/**
 * The seeded teams: East 华东 (the manager and sales1) and West (sales2). The manager therefore
 * sees sales1's customers and not sales2's; an admin sees all. Each team is written once, with
 * its members' profiles and an audit record, like a team an admin creates; later changes survive
 * a restart.
 */
const SYSTEM = { userId: 'system', name: 'Cirrus (seed)' };
const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;

export const SEEDED_TEAMS: readonly { id: string; name: string; members: string[] }[] = [
  { id: 'team-east', name: 'East 华东', members: ['manager@cirrus.local', 'sales1@cirrus.local'] },
  { id: 'team-west', name: 'West', members: ['sales2@cirrus.local'] },
];

export async function seedTeams(now = new Date()): Promise<void> {
  const at = now.toISOString();
  for (const seed of SEEDED_TEAMS) {
    if (await getTeam(seed.id)) continue;
    const memberIds = seed.members.map(idOf);
    const team: Team = { id: seed.id, name: seed.name, memberIds, version: 1, createdAt: at, updatedAt: at };
    const changes = membershipChanges(team.id, [], memberIds, await memberTeams(memberIds));
    const audit = auditRecord({
      kind: 'team',
      entityId: team.id,
      entityName: team.name,
      action: 'created',
      actor: SYSTEM,
      changes: diffRecords(undefined, team),
      at,
    });
    await writeTeam(undefined, team, changes, audit);
  }
}
