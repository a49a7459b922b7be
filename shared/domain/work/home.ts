import * as z from '../common/zod.js';
import type { Activity } from './activity.schema.js';
import type { Task } from './task.schema.js';
import { timeZone } from './task.schema.js';

export const homeQuery = z.strictObject({ tz: z._default(timeZone, 'UTC') });

/** How far ahead "contracts expiring soon" looks, in days from the caller's today. */
export const HOME_EXPIRING_DAYS = 30;

/** One stage of "my open deals by stage": how many of my open deals sit there, and their amounts. */
export interface HomeDealStage {
  stageId: string;
  /** The stage's label in both console languages (the pipeline's own). */
  label: { en: string; zh: string };
  count: number;
  /** Sum per currency, integer minor units; a currency with nothing in the stage is left out. */
  amounts: { currency: string; amount: number }[];
}

/** A contract ending soon, as the home card lists it. */
export interface HomeExpiringContract {
  id: string;
  number: string;
  title: string;
  companyName: string;
  /** yyyy-mm-dd */
  endDate: string;
  /** Days from the caller's today to the end date (0 = ends today). */
  daysLeft: number;
}

/**
 * GET /api/dashboard/home: the caller's own day. A part is `null` when the caller's role does
 * not read that kind of record (a support agent has no deals), and the console leaves it out.
 */
export interface HomePage {
  tasks: { overdue: Task[]; overdueMore: boolean; today: Task[]; todayMore: boolean };
  recentActivity: Activity[];
  /**
   * My open deals per open stage of the default pipeline, in stage order (empty stages
   * included, count 0), from the deals context's maintained owner totals.
   */
  deals: { pipelineId: string; stages: HomeDealStage[] } | null;
  /**
   * Active contracts in my scope (mine, my teams' for a manager, all for admin and finance)
   * whose end date lies within the next HOME_EXPIRING_DAYS days, soonest first.
   */
  contractsExpiring: { withinDays: number; items: HomeExpiringContract[]; more: boolean } | null;
}

/**
 * "My open deals by stage" from a pipeline and the owner's board totals (stage id → count and
 * amounts): every open stage in pipeline order, empty ones as 0. Totals of won and lost stages,
 * and of stages the pipeline no longer has, are not open deals and are left out.
 */
export function openDealsByStage(
  stages: readonly { id: string; kind: string; label: { en: string; zh: string } }[],
  totals: ReadonlyMap<string, { count: number; amounts: { currency: string; amount: number }[] }>,
): HomeDealStage[] {
  return stages
    .filter((s) => s.kind === 'open')
    .map((s) => {
      const t = totals.get(s.id);
      return {
        stageId: s.id,
        label: { en: s.label.en, zh: s.label.zh },
        count: t?.count ?? 0,
        amounts: (t?.amounts ?? []).filter((a) => a.amount !== 0),
      };
    });
}

/** Whole days from `today` to `date` (both yyyy-mm-dd): 0 on the day itself. */
export function daysBetween(today: string, date: string): number {
  return Math.round((Date.parse(`${date}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}
