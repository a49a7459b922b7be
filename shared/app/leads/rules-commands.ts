import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord, putAudit } from '../../db/audit.js';
import { NO_TEAM } from '../../db/keys.leads.js';
import { transactWrite } from '../../db/kit.js';
import { getRules, listRules, putRules } from '../../db/leads.repository.js';
import { getTeam, listTeams } from '../../db/teams.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import { DEFAULT_RULES, type LeadRules, type LeadRulesPut } from '../../domain/leads/lead.schema.js';

/**
 * Lead rules per team (leadPool:manage): admins edit every team's rules and the shared pool's
 * (`all`, leads of no team); a manager edits their own teams'. A team without saved rules works
 * under the defaults (version 0). Every save is the rules item and its audit record (entity
 * leadPool) in one transaction, conditioned on the version the editor saw.
 */

export interface TeamRules extends LeadRules {
  teamName: string;
  memberIds: string[];
}

const mayManage = (principal: Principal, teamKey: string) =>
  recordScopeOf(principal).kind === 'all' || (teamKey !== NO_TEAM && principal.teamIds.includes(teamKey));

/** The rules of every team the caller manages (two Queries: the teams, the saved rules). */
export async function rulesOf(principal: Principal): Promise<{ items: TeamRules[] }> {
  const [teams, saved] = await Promise.all([listTeams(), listRules()]);
  const byTeam = new Map(saved.map((r) => [r.teamId, r]));
  const rows: TeamRules[] = teams
    .filter((t) => mayManage(principal, t.id))
    .map((t) => ({
      ...(byTeam.get(t.id) ?? { teamId: t.id, ...DEFAULT_RULES }),
      teamName: t.name,
      memberIds: t.memberIds,
    }));
  if (mayManage(principal, NO_TEAM)) {
    rows.push({ ...(byTeam.get(NO_TEAM) ?? { teamId: NO_TEAM, ...DEFAULT_RULES }), teamName: '', memberIds: [] });
  }
  return { items: rows };
}

export async function saveRules(
  teamKey: string,
  input: LeadRulesPut,
  principal: Principal,
  now = new Date(),
): Promise<LeadRules> {
  if (!mayManage(principal, teamKey)) throw notFound('team');
  const team = teamKey === NO_TEAM ? undefined : await getTeam(teamKey);
  if (teamKey !== NO_TEAM && !team) throw notFound('team');
  const members = team?.memberIds ?? [];
  const errors: Record<string, string> = {};
  input.rotation.forEach((id, i) => {
    if (!members.includes(id)) errors[`rotation.${i}`] = 'Not a member of this team';
  });
  input.mappings.forEach((m, i) => {
    if (!members.includes(m.userId)) errors[`mappings.${i}.userId`] = 'Not a member of this team';
  });
  if (input.strategy !== 'roundRobin' && input.mappings.length === 0)
    errors.mappings = 'Add at least one mapping for this strategy';
  if (Object.keys(errors).length) throw invalid(errors);

  const before = await getRules(teamKey);
  const expected = input.version ?? 0;
  if (before.version !== expected) throw staleVersion('leadPool');
  const at = now.toISOString();
  const { version: _v, ...fields } = input;
  const after: LeadRules = { ...fields, teamId: teamKey, version: before.version + 1, updatedAt: at };
  const changes = diffRecords(before.version === 0 ? undefined : { ...before }, { ...after });
  if (before.version !== 0 && changes.length === 0) return before;
  const audit = auditRecord({
    kind: 'leadPool',
    entityId: teamKey,
    entityName: team?.name ?? 'Shared pool',
    action: before.version === 0 ? 'created' : 'updated',
    actor: principal,
    changes,
    at,
  });
  await transactWrite([putRules(after, expected), putAudit(audit)], () => staleVersion('leadPool'));
  return after;
}
