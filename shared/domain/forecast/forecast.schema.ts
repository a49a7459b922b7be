import { id } from '../common/fields.js';
import * as z from '../common/zod.js';
import type { Figures, ForecastRow, MonthFigures, TopRep, WinRatePoint } from './forecast.js';
import { period } from './quota.schema.js';

/** Query of GET /api/forecast. */
export const forecastQuery = z.strictObject({
  period,
  by: z._default(z.enum(['owner', 'team', 'company']), 'owner'),
});
export type ForecastQuery = z.infer<typeof forecastQuery>;

/** Query of GET /api/dashboard/sales. Without pipelineId: the default pipeline's funnel. */
export const salesDashboardQuery = z.strictObject({ pipelineId: z.optional(id) });
export type SalesDashboardQuery = z.infer<typeof salesDashboardQuery>;

export type ScopeKind = 'all' | 'team' | 'owner';

export interface NamedRow extends ForecastRow {
  name: string;
}

export interface ForecastResult {
  period: string;
  months: string[];
  by: 'owner' | 'team' | 'company';
  /** Whose figures these are: the company, the manager's teams, or the rep's own. */
  scope: ScopeKind;
  rows: NamedRow[];
  /** The whole scope, per currency. */
  totals: Figures[];
  byMonth: MonthFigures[];
  /** A month partition held more deals than one request path reads: figures are partial. */
  truncated: boolean;
}

export interface FunnelStage {
  stageId: string;
  label: { en: string; zh: string };
  kind: 'open' | 'won' | 'lost';
  count: number;
  amounts: { currency: string; amount: number }[];
}

export interface ClosingDeal {
  id: string;
  name: string;
  ownerId: string;
  ownerName: string;
  amount: number;
  currency: string;
  probability: number;
  expectedCloseDate?: string;
}

export interface SalesDashboard {
  month: string;
  quarter: string;
  scope: ScopeKind;
  funnel: { pipelineId: string; stages: FunnelStage[] };
  forecast: { month: Figures[]; quarter: Figures[] };
  winRate: WinRatePoint[];
  closingThisMonth: { count: number; items: ClosingDeal[] };
  topReps: (TopRep & { name: string })[];
  truncated: boolean;
}
