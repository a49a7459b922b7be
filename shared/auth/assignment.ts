import { AppError } from '../domain/common/errors.js';
import { assignedTeam } from '../domain/teams/team.schema.js';
import { type Principal, recordScopeOf } from './principal.js';

/**
 * Who may own what a principal creates or reassigns, for every owned record (contacts, companies,
 * deals, contracts): a sales rep owns what they create and hands nothing to anyone else; a manager
 * assigns only to members of their teams, and the record joins one of those teams, never leaving
 * their sight; an admin assigns to anyone. `noun` names the records in the messages ("deals").
 */
export function checkOwnerAssignment(principal: Principal, ownerId: string, noun: string): void {
  const scope = recordScopeOf(principal);
  if (scope.kind === 'owner' && ownerId !== scope.ownerId) {
    throw new AppError('forbidden', 'record.assign_forbidden', `Your role can only own ${noun} itself`, {
      ownerId: `You can only assign ${noun} to yourself`,
    });
  }
}

/**
 * The team a record joins with its new owner (see assignedTeam: the owner's team, preferring the
 * record's current one, then the assigner's); a manager's assignment must land in one of theirs.
 */
export function teamOnAssignment(
  principal: Principal,
  ownerTeamIds: readonly string[],
  currentTeamId: string | undefined,
  noun: string,
): string | undefined {
  const teamId = assignedTeam(ownerTeamIds, [currentTeamId, ...principal.teamIds]);
  const scope = recordScopeOf(principal);
  if (scope.kind === 'team' && (teamId === undefined || !scope.teamIds.includes(teamId))) {
    throw new AppError(
      'forbidden',
      'record.assign_forbidden',
      `Managers can only assign ${noun} to members of their teams`,
      {
        ownerId: 'Not a member of your teams',
      },
    );
  }
  return teamId;
}
