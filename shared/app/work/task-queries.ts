import type { Principal } from '../../auth/principal.js';
import { keys } from '../../db/keys.js';
import { getItems } from '../../db/kit.js';
import { listTasksOf, type TaskList } from '../../db/tasks.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { AppError } from '../../domain/common/errors.js';
import type { Page } from '../../domain/common/fields.js';
import { taskScopeOf } from '../../domain/work/assignment.js';
import { bucketRange } from '../../domain/work/my-tasks.js';
import type { Task, TaskListQuery, TaskView } from '../../domain/work/task.schema.js';
import { type RelatedEntity, relatedOrThrow } from './related-records.js';

/**
 * Task lists. Each is ONE Query of an index partition that is already the caller's scope:
 * an assignee's open tasks by due time (a bucket is a sort-key range in the caller's day), their
 * finished tasks, a team's tasks (a manager's or an admin's), or the tasks about one record the
 * caller may see. Nothing is read and then filtered out.
 */
export async function listTasks(
  query: TaskListQuery,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Page<Task>> {
  const list = await taskListOf(query, principal);
  if (list === 'empty') return { items: [], nextCursor: null };
  const now = clock.now();
  // Open tasks by due time (a bucket is a sort-key range in the caller's day), or finished ones.
  const view = query.view === 'done' ? { done: true } : { done: false, range: rangeOf(query.view, now, query.tz) };
  return listTasksOf(list, view, { limit: query.limit, cursor: query.cursor });
}

/** Whose tasks the caller asked for, once it is clear they may see them. */
async function taskListOf(query: TaskListQuery, principal: Principal): Promise<TaskList | 'empty'> {
  if (query.related) {
    const [entity, id] = query.related.split(':') as [RelatedEntity, string];
    await relatedOrThrow(principal, entity, id);
    return { kind: 'record', entity, id };
  }
  if (query.teamId) {
    const scope = taskScopeOf(principal);
    const allowed = scope.kind === 'all' || (scope.kind === 'team' && scope.teamIds.includes(query.teamId));
    if (!allowed) throw teamForbidden();
    return { kind: 'team', teamId: query.teamId };
  }
  const assigneeId = query.assigneeId ?? principal.userId;
  if (assigneeId !== principal.userId && !(await maySeeTasksOf(principal, assigneeId))) return 'empty';
  return { kind: 'assignee', assigneeId };
}

function rangeOf(view: Exclude<TaskView, 'done'>, now: Date, tz: string) {
  return view === 'open' ? undefined : bucketRange(view, now, tz);
}

/** Another person's task list: an admin's, or a manager's for a member of their teams. */
async function maySeeTasksOf(principal: Principal, userId: string): Promise<boolean> {
  const scope = taskScopeOf(principal);
  if (scope.kind === 'all') return true;
  if (scope.kind !== 'team') return false;
  const [profile] = await getItems([keys.user(userId)]);
  const teamIds = Array.isArray(profile?.teamIds) ? profile.teamIds.map(String) : [];
  return teamIds.some((t) => scope.teamIds.includes(t));
}

function teamForbidden(): AppError {
  return new AppError('forbidden', 'task.team_forbidden', 'Only managers of this team and admins see its tasks', {
    teamId: 'Not one of your teams',
  });
}
