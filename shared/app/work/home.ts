import { rolesAllow } from '../../auth/permissions.js';
import type { Principal } from '../../auth/principal.js';
import { recordScopeOf } from '../../auth/principal.js';
import { listActorActivities } from '../../db/activities.repository.js';
import { listContractsEnding } from '../../db/contracts.repository.js';
import { getPipeline, readTotals } from '../../db/deals.repository.js';
import { listTasksOf } from '../../db/tasks.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { DEFAULT_PIPELINE_ID, defaultPipeline } from '../../domain/deals/pipeline.schema.js';
import { dateInZone, daysBefore } from '../../domain/notifications/reminder-times.js';
import { daysBetween, HOME_EXPIRING_DAYS, type HomePage, openDealsByStage } from '../../domain/work/home.js';
import { bucketRange } from '../../domain/work/my-tasks.js';

/** How many of each the home page shows; "see all" opens the full list. */
export const HOME_TASKS = 10;
export const HOME_ACTIVITY = 8;
export const HOME_CONTRACTS = 5;

/**
 * The personal home page, in one request. Every part is a bounded read of an index partition that
 * is already the caller's own, all run in parallel:
 * - overdue and today's open tasks: two sort-key ranges of the caller's open-task index (gsi1);
 * - recent activity: the caller's actor index (gsi4);
 * - my open deals by stage: ONE Query of the deals context's maintained owner totals
 *   (`DEAL#TOTALS#default#OWNER#<me>`, one item per stage and currency, never the deals) and a
 *   GetItem of the default pipeline for the stage order and labels;
 * - contracts expiring in the next 30 days: the contracts' END index of the caller's scope (a rep:
 *   their own partition; a manager: one Query per team; admin and finance: all), a date range.
 * So a rep's home is 6 requests (~3.5 read units), a manager's 5 + one per team. A part the
 * caller's role may not read (deals, contracts) is `null` and not read at all.
 */
export async function homePage(principal: Principal, tz: string, clock: Clock = systemClock): Promise<HomePage> {
  const now = clock.now();
  const me = principal.userId;
  const myTasks = { kind: 'assignee', assigneeId: me } as const;
  const [overdue, today, activity, deals, contractsExpiring] = await Promise.all([
    listTasksOf(myTasks, { done: false, range: bucketRange('overdue', now, tz) }, { limit: HOME_TASKS }),
    listTasksOf(myTasks, { done: false, range: bucketRange('today', now, tz) }, { limit: HOME_TASKS }),
    listActorActivities(me, { limit: HOME_ACTIVITY }),
    rolesAllow(principal.roles, 'deals:read') ? myOpenDeals(me, now) : null,
    rolesAllow(principal.roles, 'contracts:read') ? expiringContracts(principal, dateInZone(now, tz)) : null,
  ]);
  return {
    tasks: {
      overdue: overdue.items,
      overdueMore: overdue.nextCursor !== null,
      today: today.items,
      todayMore: today.nextCursor !== null,
    },
    recentActivity: activity.items,
    deals,
    contractsExpiring,
  };
}

/**
 * The caller's open deals per stage of the default pipeline. Always the caller's OWN deals, even
 * for a manager or an admin: the home page is personal; the board shows the team's.
 */
async function myOpenDeals(ownerId: string, now: Date): Promise<NonNullable<HomePage['deals']>> {
  const [stored, totals] = await Promise.all([
    getPipeline(DEFAULT_PIPELINE_ID),
    readTotals(DEFAULT_PIPELINE_ID, { kind: 'owner', ownerId }),
  ]);
  // A table without deals yet has no pipeline item either (the deals context writes it on first
  // use); its stages are the default ones. The home page never writes.
  const pipeline = stored ?? defaultPipeline(now.toISOString());
  return { pipelineId: pipeline.id, stages: openDealsByStage(pipeline.stages, totals) };
}

/** Active contracts in scope ending between today and today + 30 days (the caller's today), soonest first. */
async function expiringContracts(
  principal: Principal,
  today: string,
): Promise<NonNullable<HomePage['contractsExpiring']>> {
  const withinDays = HOME_EXPIRING_DAYS;
  const to = daysBefore(today, -withinDays);
  const page = await listContractsEnding(
    recordScopeOf(principal),
    { from: today, to },
    { limit: HOME_CONTRACTS, forward: true },
  );
  return {
    withinDays,
    items: page.items.map((c) => ({
      id: c.id,
      number: c.number,
      title: c.title,
      companyName: c.companyName,
      endDate: c.endDate,
      daysLeft: daysBetween(today, c.endDate),
    })),
    more: page.nextCursor !== null,
  };
}
