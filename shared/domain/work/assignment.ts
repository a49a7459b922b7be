import type { Principal } from '../../auth/principal.js';
import { AppError } from '../common/errors.js';
import { assignedTeam } from '../teams/team.schema.js';

/**
 * Who may see a task and who may give one to whom.
 *
 * Seeing: the assignee, the creator, a manager of the team the task belongs to (the assignee's
 * team when it was assigned) and admins. A record's tasks (`?related=`) are shown to whoever may
 * see the record.
 *
 * Assigning: anyone may assign a task to themselves. A manager may assign to a member of one of
 * their teams (the task joins that team); an admin to any active staff user. Everyone else
 * (sales, support, marketing, finance) assigns only to themselves.
 */
export type TaskScope =
  | { kind: 'all' }
  | { kind: 'team'; teamIds: readonly string[] }
  | { kind: 'own'; userId: string };

export function taskScopeOf(principal: Principal): TaskScope {
  if (principal.roles.includes('admin')) return { kind: 'all' };
  if (principal.roles.includes('manager')) return { kind: 'team', teamIds: principal.teamIds };
  return { kind: 'own', userId: principal.userId };
}

export function canSeeTask(
  principal: Principal,
  task: { assigneeId: string; creatorId: string; teamId?: string },
): boolean {
  if (task.assigneeId === principal.userId || task.creatorId === principal.userId) return true;
  const scope = taskScopeOf(principal);
  if (scope.kind === 'all') return true;
  return scope.kind === 'team' && task.teamId !== undefined && scope.teamIds.includes(task.teamId);
}

/** Deleting is for the creator, a manager of the task's team and admins; the assignee completes or cancels. */
export function canDeleteTask(
  principal: Principal,
  task: { assigneeId: string; creatorId: string; teamId?: string },
): boolean {
  if (task.creatorId === principal.userId) return true;
  const scope = taskScopeOf(principal);
  if (scope.kind === 'all') return true;
  return scope.kind === 'team' && task.teamId !== undefined && scope.teamIds.includes(task.teamId);
}

export interface Assignee {
  id: string;
  teamIds: readonly string[];
  active: boolean;
}

/**
 * Checks an assignment and returns the team the task joins (the first of the task's current
 * team and the assigner's teams that the assignee is in, else the assignee's first team).
 * Throws 403 `task.assign_forbidden` naming assigneeId, or 400 when the assignee is unknown.
 */
export function assignmentTeam(
  principal: Principal,
  assignee: Assignee | undefined,
  currentTeamId?: string,
): string | undefined {
  if (!assignee?.active) {
    throw new AppError('bad_request', 'request.validation_failed', 'The request has invalid fields', {
      assigneeId: 'Unknown or disabled user',
    });
  }
  const teamId = assignedTeam(assignee.teamIds, [currentTeamId, ...principal.teamIds]);
  if (assignee.id === principal.userId) return teamId;
  const scope = taskScopeOf(principal);
  if (scope.kind === 'all') return teamId;
  if (scope.kind === 'team') {
    const shared = assignee.teamIds.find((t) => scope.teamIds.includes(t));
    if (shared) return scope.teamIds.includes(teamId ?? '') ? teamId : shared;
    throw forbiddenAssignment('Managers can only assign tasks to members of their teams');
  }
  throw forbiddenAssignment('Your role can only assign tasks to yourself');
}

function forbiddenAssignment(message: string): AppError {
  return new AppError('forbidden', 'task.assign_forbidden', message, { assigneeId: message });
}
