import type { Principal } from '../../shared/auth/principal.js';
import { toApiActivity } from '../../shared/db/activities.repository.js';
import { actorActivitiesSource, openTasksSource } from '../../shared/db/keys.work.js';
import { queryPage } from '../../shared/db/query.js';
import { toApiTask } from '../../shared/db/tasks.repository.js';
import type { HomePage } from '../../shared/domain/work/home.js';
import { bucketRange } from '../../shared/domain/work/my-tasks.js';
import { type Clock, systemClock } from './clock.js';

/** How many of each the home page shows; "see all" opens the full list. */
export const HOME_TASKS = 10;
export const HOME_ACTIVITY = 8;

/**
 * The personal home page, in one request: three bounded Queries run in parallel — the caller's
 * overdue and today's open tasks (two sort-key ranges of their open-task index, gsi1) and their
 * recent activity (gsi4) — at most 10 + 10 + 8 items, ~3 read units. Deals by stage and
 * contracts expiring soon join when their contexts' maintained totals and due index exist.
 */
export async function homePage(principal: Principal, tz: string, clock: Clock = systemClock): Promise<HomePage> {
  const now = clock.now();
  const me = principal.userId;
  const [overdue, today, activity] = await Promise.all([
    queryPage<Record<string, unknown>>(openTasksSource(me, bucketRange('overdue', now, tz)), {
      limit: HOME_TASKS,
      forward: true,
    }),
    queryPage<Record<string, unknown>>(openTasksSource(me, bucketRange('today', now, tz)), {
      limit: HOME_TASKS,
      forward: true,
    }),
    queryPage<Record<string, unknown>>(actorActivitiesSource(me), { limit: HOME_ACTIVITY, forward: false }),
  ]);
  return {
    tasks: {
      overdue: overdue.items.map(toApiTask),
      overdueMore: overdue.nextCursor !== null,
      today: today.items.map(toApiTask),
      todayMore: today.nextCursor !== null,
    },
    recentActivity: activity.items.map(toApiActivity),
    deals: null,
    contractsExpiring: null,
  };
}
