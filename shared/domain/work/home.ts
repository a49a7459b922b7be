import * as z from '../common/zod.js';
import type { Activity } from './activity.schema.js';
import type { Task } from './task.schema.js';
import { timeZone } from './task.schema.js';

export const homeQuery = z.strictObject({ tz: z._default(timeZone, 'UTC') });

/** GET /api/dashboard/home: the caller's own day. `null` = that part is not available yet. */
export interface HomePage {
  tasks: { overdue: Task[]; overdueMore: boolean; today: Task[]; todayMore: boolean };
  recentActivity: Activity[];
  /** My open deals per stage (count, amount by currency), from the deals context's owner totals. */
  deals:
    | { stageId: string; stageName: string; count: number; amounts: { currency: string; amount: number }[] }[]
    | null;
  /** Contracts I own that end soon. */
  contractsExpiring: { id: string; name: string; endDate: string }[] | null;
}
