import { describe, expect, it } from 'vitest';
import type { AppError } from '../../shared/domain/common/errors.js';
import { assignmentTeam, canDeleteTask, canSeeTask } from '../../shared/domain/work/assignment.js';
import { statusOf as httpStatusOf } from '../../shared/http/error-status.js';
import {
  aManager,
  anAdmin,
  aPrincipalWithRoles,
  aSalesRep,
  OTHER_SALES_REP_ID,
  SALES_REP_ID,
  TEAM_EAST,
  TEAM_WEST,
} from '../support/builders.js';

const member = (id: string, teamIds: string[]) => ({ id, teamIds, active: true });

function statusOf(fn: () => unknown): number | 'ok' {
  try {
    fn();
    return 'ok';
  } catch (error) {
    return httpStatusOf((error as AppError).kind);
  }
}

describe('task assignment rules', () => {
  it('anyone may assign a task to themselves, and it joins their team', () => {
    expect(assignmentTeam(aSalesRep(), member(SALES_REP_ID, [TEAM_EAST]))).toBe(TEAM_EAST);
  });

  it.each(['sales', 'support', 'marketing', 'finance'] as const)(
    'a %s user may not assign to someone else (403)',
    (role) => {
      const principal = aPrincipalWithRoles(role);
      expect(statusOf(() => assignmentTeam(principal, member(OTHER_SALES_REP_ID, [TEAM_EAST])))).toBe(403);
    },
  );

  it('a manager assigns to a member of their team, and the task joins that team', () => {
    expect(assignmentTeam(aManager([TEAM_EAST]), member(SALES_REP_ID, [TEAM_EAST]))).toBe(TEAM_EAST);
  });

  it('a manager may not assign to someone outside their teams (403)', () => {
    expect(statusOf(() => assignmentTeam(aManager([TEAM_EAST]), member(OTHER_SALES_REP_ID, [TEAM_WEST])))).toBe(403);
  });

  it('a manager assigning to someone in two teams puts the task in the team they share', () => {
    expect(assignmentTeam(aManager([TEAM_WEST]), member(SALES_REP_ID, [TEAM_EAST, TEAM_WEST]))).toBe(TEAM_WEST);
  });

  it('an admin assigns to anyone', () => {
    expect(assignmentTeam(anAdmin(), member(OTHER_SALES_REP_ID, [TEAM_WEST]))).toBe(TEAM_WEST);
  });

  it('an unknown or disabled assignee is a 400 naming assigneeId', () => {
    const error = (() => {
      try {
        assignmentTeam(anAdmin(), { id: 'x', teamIds: [], active: false });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(error && httpStatusOf(error.kind)).toBe(400);
    expect(error?.fields).toHaveProperty('assigneeId');
  });
});

describe('task visibility', () => {
  const task = { assigneeId: SALES_REP_ID, creatorId: 'user-manager', teamId: TEAM_EAST };

  it.each([
    ['the assignee', aSalesRep(SALES_REP_ID), true],
    ['the creator', aManager([TEAM_WEST]), true],
    ['a manager of its team', { ...aManager([TEAM_EAST]), userId: 'another-manager' }, true],
    ['a manager of another team', { ...aManager([TEAM_WEST]), userId: 'another-manager' }, false],
    ['another rep', aSalesRep(OTHER_SALES_REP_ID), false],
    ['an admin', anAdmin(), true],
    ['a finance user', aPrincipalWithRoles('finance'), false],
  ])('%s sees it: %s', (_who, principal, sees) => {
    expect(canSeeTask(principal, task)).toBe(sees);
  });

  it('the assignee may not delete a task someone else created; its creator may', () => {
    expect(canDeleteTask(aSalesRep(SALES_REP_ID), task)).toBe(false);
    expect(canDeleteTask({ ...aManager([]), userId: 'user-manager' }, task)).toBe(true);
  });
});
