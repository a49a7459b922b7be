import type { Principal } from '../../auth/principal.js';
import type { ListSource } from '../../db/keys.js';
import { keys } from '../../db/keys.js';
import { closedTasksSource, openTasksSource, recordTasksSource, teamTasksSource } from '../../db/keys.work.js';
import { getItems } from '../../db/kit.js';
import { queryPage } from '../../db/query.js';
import { toApiTask } from '../../db/tasks.repository.js';
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
  const plan = await planTaskList(query, principal, clock.now());
  if (plan === 'empty') return { items: [], nextCursor: null };
  const page = await queryPage<Record<string, unknown>>(plan.source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: plan.forward,
  });
  return { items: page.items.map(toApiTask), nextCursor: page.nextCursor };
}

type Plan = { source: ListSource; forward: boolean } | 'empty';

export async function planTaskList(query: TaskListQuery, principal: Principal, now: Date): Promise<Plan> {
  if (query.related) {
    const [entity, id] = query.related.split(':') as [RelatedEntity, string];
    await relatedOrThrow(principal, entity, id);
    // A record's panel shows its open tasks; `done` lists its finished ones, newest first.
    return query.view === 'done'
      ? { source: recordTasksSource(entity, id, 'CLOSED'), forward: false }
      : { source: recordTasksSource(entity, id, 'OPEN', rangeOf(query.view, now, query.tz)), forward: true };
  }
  if (query.teamId) {
    const scope = taskScopeOf(principal);
    const allowed = scope.kind === 'all' || (scope.kind === 'team' && scope.teamIds.includes(query.teamId));
    if (!allowed) throw teamForbidden();
    return query.view === 'done'
      ? { source: teamTasksSource(query.teamId, 'CLOSED'), forward: false }
      : { source: teamTasksSource(query.teamId, 'OPEN', rangeOf(query.view, now, query.tz)), forward: true };
  }
  const assigneeId = query.assigneeId ?? principal.userId;
  if (assigneeId !== principal.userId && !(await maySeeTasksOf(principal, assigneeId))) return 'empty';
  if (query.view === 'done') return { source: closedTasksSource(assigneeId), forward: false };
  return { source: openTasksSource(assigneeId, rangeOf(query.view, now, query.tz)), forward: true };
}

function rangeOf(view: Exclude<TaskView, 'done'> | 'done', now: Date, tz: string) {
  return view === 'open' || view === 'done' ? undefined : bucketRange(view, now, tz);
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
