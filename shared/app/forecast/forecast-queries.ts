import type { Principal } from '../../auth/principal.js';
import { recordScopeOf } from '../../auth/principal.js';
import { closingDeals, forecastPartitions, pipelineItem, stageTotals } from '../../db/forecast.repository.js';
import { listTeams } from '../../db/teams.repository.js';
import { DEFAULT_PIPELINE_ID, defaultPipeline, type Stage } from '../../domain/deals/pipeline.schema.js';
import {
  COMPANY,
  type ForecastDeal,
  figuresByMonth,
  forecastRows,
  NO_TEAM,
  type QuotaInput,
  topReps,
  totalsByCurrency,
  winRateTrend,
} from '../../domain/forecast/forecast.js';
import type {
  ForecastQuery,
  ForecastResult,
  FunnelStage,
  SalesDashboard,
  SalesDashboardQuery,
} from '../../domain/forecast/forecast.schema.js';
import { currentMonth, currentQuarter, lastMonths, parsePeriod, quarterOf } from '../../domain/forecast/period.js';
import type { QuotaPerson } from '../../domain/forecast/quota.schema.js';
import type { Team } from '../../domain/teams/team.schema.js';
import { quotaPeople, scopedQuotas } from './quota-commands.js';

/**
 * Forecast and the sales dashboard, computed per request from bounded reads (never a scan of
 * the deals): one Query per month partition of the close-month index for each partition of the
 * principal's scope, the maintained board totals for the funnel, the scope's quotas, and the
 * staff directory for names. Win rate over six months reads six month partitions of the same
 * index rather than keeping monthly won/lost counters: the figures are exact by construction
 * (a deal reopened or re-dated moves between partitions with its own write), there is no
 * consumer to replay or drift, and the cost is the deals that closed in those months — a few
 * read units for a team's half year (see bench/cost-forecast.ts).
 */

function namesOf(
  people: readonly QuotaPerson[],
  deals: readonly ForecastDeal[],
  quotas: readonly { userId: string; userName?: string }[],
): Map<string, string> {
  const names = new Map<string, string>();
  for (const q of quotas) if (q.userName) names.set(q.userId, q.userName);
  for (const d of deals) if (d.ownerName) names.set(d.ownerId, d.ownerName);
  for (const p of people) names.set(p.id, p.name);
  return names;
}

/**
 * The reps whose quotas a scope reads by key: a manager's teams' members (the staff directory),
 * a rep themself. Company-wide quotas are read by period, so no directory read is needed.
 */
async function scopePeople(principal: Principal): Promise<QuotaPerson[]> {
  return recordScopeOf(principal).kind === 'all' ? [] : quotaPeople(principal);
}

/**
 * The team a quota counts in when grouping by team: the rep's first team in the manager's
 * scope; company-wide, the first team that lists the rep as a member.
 */
function quotaTeamOf(
  principal: Principal,
  people: readonly QuotaPerson[],
  teams: readonly Team[],
): (userId: string) => string | undefined {
  const scope = recordScopeOf(principal);
  const fromPeople = new Map(people.map((p) => [p.id, p.teamIds]));
  return (userId) => {
    if (scope.kind === 'team') return (fromPeople.get(userId) ?? []).find((t) => scope.teamIds.includes(t));
    return fromPeople.get(userId)?.[0] ?? teams.find((t) => t.memberIds.includes(userId))?.id;
  };
}

const asQuotaInputs = (quotas: readonly QuotaInput[]): QuotaInput[] =>
  quotas.map(({ userId, month, amount, currency }) => ({ userId, month, amount, currency }));

export async function forecastOf(query: ForecastQuery, principal: Principal): Promise<ForecastResult> {
  const period = parsePeriod(query.period);
  const partitions = forecastPartitions(principal);
  const [closing, people, teams] = await Promise.all([
    closingDeals(partitions, period.months),
    scopePeople(principal),
    query.by === 'team' ? listTeams() : Promise.resolve([]),
  ]);
  const stored = await scopedQuotas(principal, period.months, people);
  const quotas = asQuotaInputs(stored);
  const rows = forecastRows(closing.deals, quotas, query.by, quotaTeamOf(principal, people, teams));
  const names = namesOf(people, closing.deals, stored);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  const nameOf = (key: string) => {
    if (query.by === 'company') return COMPANY;
    if (query.by === 'team') return key === NO_TEAM ? NO_TEAM : (teamNames.get(key) ?? key);
    return names.get(key) ?? key;
  };
  return {
    period: period.id,
    months: period.months,
    by: query.by,
    scope: recordScopeOf(principal).kind,
    rows: rows.map((r) => ({ ...r, name: nameOf(r.key) })),
    totals: totalsByCurrency(closing.deals, quotas),
    byMonth: figuresByMonth(period.months, closing.deals, quotas),
    truncated: closing.truncated,
  };
}

const TOP_REPS = 5;
const CLOSING_ITEMS = 10;
const TREND_MONTHS = 6;

/**
 * The sales dashboard of a manager (their teams) or an admin (the company): the funnel from the
 * board totals; forecast vs quota for this month and quarter; win rate over the last six
 * months; open deals expected to close this month; top reps by won amount this quarter.
 * Reads: the union of the six trend months and this quarter's months (at most eight month
 * partitions per scope partition), one totals Query per scope partition, the pipeline item,
 * the quotas of the quarter and the staff directory.
 */
export async function salesDashboard(
  query: SalesDashboardQuery,
  principal: Principal,
  now = new Date(),
): Promise<SalesDashboard> {
  const month = currentMonth(now);
  const quarter = parsePeriod(currentQuarter(now));
  const trend = lastMonths(month, TREND_MONTHS);
  const months = [...new Set([...trend, ...quarter.months])].sort();
  const partitions = forecastPartitions(principal);
  const pipelineId = query.pipelineId ?? DEFAULT_PIPELINE_ID;
  const [closing, people, cells, pipeline] = await Promise.all([
    closingDeals(partitions, months),
    scopePeople(principal),
    stageTotals(pipelineId, partitions),
    pipelineItem(pipelineId),
  ]);
  const stored = await scopedQuotas(principal, quarter.months, people);
  const quotas = asQuotaInputs(stored);
  const names = namesOf(people, closing.deals, stored);
  const inQuarter = closing.deals.filter((d) => quarterOf(d.month) === quarter.id);
  const inMonth = closing.deals.filter((d) => d.month === month);
  const stages: Stage[] = Array.isArray(pipeline?.stages)
    ? (pipeline.stages as Stage[])
    : defaultPipeline(now.toISOString()).stages;
  const funnel: FunnelStage[] = stages.map((s) => {
    const mine = cells.filter((c) => c.stageId === s.id);
    return {
      stageId: s.id,
      label: s.label,
      kind: s.kind,
      count: mine.reduce((n, c) => n + c.count, 0),
      amounts: mine
        .map((c) => ({ currency: c.currency, amount: c.amount }))
        .sort((a, b) => a.currency.localeCompare(b.currency)),
    };
  });
  const openThisMonth = inMonth
    .filter((d) => d.status === 'open')
    .sort((a, b) => b.amount - a.amount || a.id.localeCompare(b.id));
  return {
    month,
    quarter: quarter.id,
    scope: recordScopeOf(principal).kind,
    funnel: { pipelineId, stages: funnel },
    forecast: {
      month: totalsByCurrency(
        inMonth,
        quotas.filter((q) => q.month === month),
      ),
      quarter: totalsByCurrency(inQuarter, quotas),
    },
    winRate: winRateTrend(
      trend,
      closing.deals.filter((d) => d.status !== 'open'),
    ),
    closingThisMonth: {
      count: openThisMonth.length,
      items: openThisMonth.slice(0, CLOSING_ITEMS).map((d) => ({
        id: d.id,
        name: d.name ?? '',
        ownerId: d.ownerId,
        ownerName: names.get(d.ownerId) ?? d.ownerId,
        amount: d.amount,
        currency: d.currency,
        probability: d.probability,
        ...(d.expectedCloseDate ? { expectedCloseDate: d.expectedCloseDate } : {}),
      })),
    },
    topReps: topReps(inQuarter, TOP_REPS).map((r) => ({ ...r, name: names.get(r.ownerId) ?? r.ownerId })),
    truncated: closing.truncated,
  };
}
