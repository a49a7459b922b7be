/**
 * Forecast maths: pure functions over deal-like inputs. The definitions, once:
 *
 * - pipeline: Σ amount of open deals expected to close in the period;
 * - weighted: Σ amount × probability / 100 over those open deals, summed exactly in hundredths
 *   and rounded once at the end (half up), so many small deals do not drift by a cent each;
 * - commit: open deals that are committed (forecast category `commit` when the deal has one,
 *   else probability ≥ 75) + won deals closed in the period;
 * - best case: all open deals expected in the period + won deals closed in it;
 * - attainment: won amount closed in the period / quota of the period (null without a quota > 0);
 * - win rate: won / (won + lost) closed in the period, by count and by amount (null when none closed);
 * - average deal size: won amount / won count (rounded to a minor unit; null with no win);
 * - average sales cycle: mean days from createdAt to closedAt of the deals won (one decimal).
 *
 * Money is integer minor units. Figures never mix currencies: every figure is per currency,
 * and a group with deals in two currencies yields two rows (quotas count in their own currency).
 */

export type DealStatus = 'open' | 'won' | 'lost';

/** What the forecast needs of a deal (the deals' close-month index items map onto it). */
export interface ForecastDeal {
  id: string;
  name?: string;
  ownerId: string;
  ownerName?: string;
  teamId?: string;
  status: DealStatus;
  /** Minor units. */
  amount: number;
  currency: string;
  /** 0..100 */
  probability: number;
  /** The deal's own forecast category, when the deals model carries one. */
  forecastCategory?: string;
  createdAt: string;
  closedAt?: string;
  expectedCloseDate?: string;
  /** `YYYY-MM`: the expected close month of an open deal, the close month of a won or lost one. */
  month: string;
}

export interface QuotaInput {
  userId: string;
  month: string;
  amount: number;
  currency: string;
}

export interface Figures {
  currency: string;
  openCount: number;
  pipeline: number;
  weighted: number;
  commit: number;
  bestCase: number;
  wonCount: number;
  wonAmount: number;
  lostCount: number;
  lostAmount: number;
  quota: number | null;
  /** Won amount / quota, as a ratio (1 = 100 %); null without a quota above zero. */
  attainment: number | null;
  winRateCount: number | null;
  winRateAmount: number | null;
  averageDealSize: number | null;
  averageSalesCycleDays: number | null;
}

/** Committed: the deal says so, or (without a category) its probability is 75 % or more. */
export const COMMIT_PROBABILITY = 75;

export function isCommitted(deal: Pick<ForecastDeal, 'probability' | 'forecastCategory'>): boolean {
  if (deal.forecastCategory !== undefined) return deal.forecastCategory === 'commit';
  return deal.probability >= COMMIT_PROBABILITY;
}

const DAY_MS = 86_400_000;

/** Half-up rounding of a non-negative hundredths sum to whole minor units. */
const fromHundredths = (hundredths: number) => Math.floor((hundredths + 50) / 100);

/** One group's figures in one currency. `quota` is the summed quota in that currency, if any. */
export function figuresOf(deals: readonly ForecastDeal[], currency: string, quota: number | null): Figures {
  let openCount = 0;
  let pipeline = 0;
  let weightedHundredths = 0;
  let committedOpen = 0;
  let wonCount = 0;
  let wonAmount = 0;
  let lostCount = 0;
  let lostAmount = 0;
  let cycleDays = 0;
  let cycleCount = 0;
  for (const d of deals) {
    if (d.currency !== currency) continue;
    if (d.status === 'open') {
      openCount += 1;
      pipeline += d.amount;
      weightedHundredths += d.amount * d.probability;
      if (isCommitted(d)) committedOpen += d.amount;
    } else if (d.status === 'won') {
      wonCount += 1;
      wonAmount += d.amount;
      const days = salesCycleDays(d);
      if (days !== null) {
        cycleDays += days;
        cycleCount += 1;
      }
    } else {
      lostCount += 1;
      lostAmount += d.amount;
    }
  }
  const closedCount = wonCount + lostCount;
  const closedAmount = wonAmount + lostAmount;
  return {
    currency,
    openCount,
    pipeline,
    weighted: fromHundredths(weightedHundredths),
    commit: committedOpen + wonAmount,
    bestCase: pipeline + wonAmount,
    wonCount,
    wonAmount,
    lostCount,
    lostAmount,
    quota,
    attainment: attainment(wonAmount, quota),
    winRateCount: closedCount ? wonCount / closedCount : null,
    winRateAmount: closedAmount ? wonAmount / closedAmount : null,
    averageDealSize: wonCount ? Math.round(wonAmount / wonCount) : null,
    averageSalesCycleDays: cycleCount ? Math.round((cycleDays / cycleCount) * 10) / 10 : null,
  };
}

/** Won amount over quota; no quota (or a zero quota) has no attainment rather than infinity. */
export function attainment(wonAmount: number, quota: number | null): number | null {
  return quota !== null && quota > 0 ? wonAmount / quota : null;
}

/** Days from creation to close of a won deal; null when it has no close time. */
export function salesCycleDays(deal: Pick<ForecastDeal, 'createdAt' | 'closedAt'>): number | null {
  if (!deal.closedAt) return null;
  const ms = Date.parse(deal.closedAt) - Date.parse(deal.createdAt);
  return Number.isFinite(ms) ? Math.max(0, ms) / DAY_MS : null;
}

export type GroupBy = 'owner' | 'team' | 'company';

export const NO_TEAM = 'none';
export const COMPANY = 'company';

export function groupKeyOf(by: GroupBy, item: { ownerId?: string; userId?: string; teamId?: string }): string {
  if (by === 'company') return COMPANY;
  if (by === 'team') return item.teamId ?? NO_TEAM;
  return item.ownerId ?? item.userId!;
}

export interface ForecastRow extends Figures {
  /** Owner id, team id (`none` for deals of no team) or `company`. */
  key: string;
}

/**
 * Figures per group and currency, sorted by group then currency. A group shows up when it has a
 * deal or a quota in the period. Quotas are grouped by the quota owner's team (`quotaTeam`).
 */
export function forecastRows(
  deals: readonly ForecastDeal[],
  quotas: readonly QuotaInput[],
  by: GroupBy,
  quotaTeam: (userId: string) => string | undefined = () => undefined,
): ForecastRow[] {
  const dealGroups = new Map<string, ForecastDeal[]>();
  const currencies = new Map<string, Set<string>>();
  const quotaSums = new Map<string, number>();
  const note = (key: string, currency: string) => {
    if (!currencies.has(key)) currencies.set(key, new Set());
    currencies.get(key)!.add(currency);
  };
  for (const d of deals) {
    const key = groupKeyOf(by, d);
    if (!dealGroups.has(key)) dealGroups.set(key, []);
    dealGroups.get(key)!.push(d);
    note(key, d.currency);
  }
  for (const q of quotas) {
    const key = groupKeyOf(by, { userId: q.userId, teamId: quotaTeam(q.userId) });
    note(key, q.currency);
    const sumKey = `${key}\u0000${q.currency}`;
    quotaSums.set(sumKey, (quotaSums.get(sumKey) ?? 0) + q.amount);
  }
  const rows: ForecastRow[] = [];
  for (const [key, set] of currencies) {
    for (const currency of [...set].sort()) {
      const quota = quotaSums.get(`${key}\u0000${currency}`) ?? null;
      rows.push({ key, ...figuresOf(dealGroups.get(key) ?? [], currency, quota) });
    }
  }
  return rows.sort((a, b) => a.key.localeCompare(b.key) || a.currency.localeCompare(b.currency));
}

/** Company-wide figures per currency (what the totals line and the dashboard show). */
export function totalsByCurrency(deals: readonly ForecastDeal[], quotas: readonly QuotaInput[]): Figures[] {
  return forecastRows(deals, quotas, 'company').map(({ key: _, ...figures }) => figures);
}

export interface MonthFigures {
  month: string;
  currency: string;
  weighted: number;
  commit: number;
  bestCase: number;
  wonAmount: number;
  quota: number | null;
}

/** One line per month and currency, for the forecast chart of a quarter. */
export function figuresByMonth(
  months: readonly string[],
  deals: readonly ForecastDeal[],
  quotas: readonly QuotaInput[],
): MonthFigures[] {
  const out: MonthFigures[] = [];
  for (const month of months) {
    const inMonth = deals.filter((d) => d.month === month);
    for (const f of totalsByCurrency(
      inMonth,
      quotas.filter((q) => q.month === month),
    )) {
      out.push({
        month,
        currency: f.currency,
        weighted: f.weighted,
        commit: f.commit,
        bestCase: f.bestCase,
        wonAmount: f.wonAmount,
        quota: f.quota,
      });
    }
  }
  return out;
}

export interface WinRatePoint {
  month: string;
  wonCount: number;
  lostCount: number;
  /** null when nothing closed that month. */
  winRate: number | null;
}

/** Win rate by count per month (deals of every currency count alike). */
export function winRateTrend(months: readonly string[], closed: readonly ForecastDeal[]): WinRatePoint[] {
  return months.map((month) => {
    const inMonth = closed.filter((d) => d.month === month);
    const wonCount = inMonth.filter((d) => d.status === 'won').length;
    const lostCount = inMonth.filter((d) => d.status === 'lost').length;
    return { month, wonCount, lostCount, winRate: wonCount + lostCount ? wonCount / (wonCount + lostCount) : null };
  });
}

export interface TopRep {
  ownerId: string;
  currency: string;
  wonAmount: number;
  wonCount: number;
}

/** Reps by won amount (per currency), highest first. */
export function topReps(won: readonly ForecastDeal[], limit: number): TopRep[] {
  const byRep = new Map<string, TopRep>();
  for (const d of won) {
    if (d.status !== 'won') continue;
    const key = `${d.ownerId}\u0000${d.currency}`;
    const rep = byRep.get(key) ?? { ownerId: d.ownerId, currency: d.currency, wonAmount: 0, wonCount: 0 };
    rep.wonAmount += d.amount;
    rep.wonCount += 1;
    byRep.set(key, rep);
  }
  return [...byRep.values()]
    .sort((a, b) => b.wonAmount - a.wonAmount || a.ownerId.localeCompare(b.ownerId))
    .slice(0, limit);
}
