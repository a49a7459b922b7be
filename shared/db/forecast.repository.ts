import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Principal } from '../auth/principal.js';
import { recordScopeOf } from '../auth/principal.js';
import type { DealStatus, ForecastDeal } from '../domain/forecast/forecast.js';
import { db, tableName } from './client.js';
import { type DealPartition, dealCloseMonthSource, dealKeys, dealTotalsSource } from './keys.deals.js';
import { queryPage } from './query.js';

/**
 * What the forecast reads of the deals, always through the deals' own indexes (keys.deals.ts):
 *  - the close-month index (gsi3 all / gsi6 owner / gsi7 team): one Query per month partition
 *    of each scope partition, open deals by expected close, won/lost by actual close;
 *  - the maintained board totals (base table DEAL#TOTALS#<pipeline>#<scope>): one Query per
 *    scope partition, for the funnel.
 * Scope is the partition read, never a filter after reading: a rep reads their owner partition,
 * a manager their teams' partitions, admin and finance the company partition.
 */

/** The deal partitions a principal's forecast reads. */
export function forecastPartitions(principal: Principal): DealPartition[] {
  const scope = recordScopeOf(principal);
  switch (scope.kind) {
    case 'all':
      return [{ kind: 'all' }];
    case 'team':
      return scope.teamIds.map((teamId) => ({ kind: 'team', teamId }));
    case 'owner':
      return [{ kind: 'owner', ownerId: scope.ownerId }];
  }
}

/** Items read per request of a month partition, and requests at most per partition (a bound, not a target). */
const PAGE_ITEMS = 1000;
const MAX_PAGES_PER_PARTITION = 4;

export interface ClosingDeals {
  deals: ForecastDeal[];
  /** Some month partition held more than the bound: figures cover only the deals read. */
  truncated: boolean;
  /** DynamoDB Queries made. */
  requests: number;
}

function toForecastDeal(item: Record<string, unknown>, month: string): ForecastDeal {
  return {
    id: String(item.id),
    name: String(item.name ?? ''),
    ownerId: String(item.ownerId),
    ...(typeof item.ownerName === 'string' ? { ownerName: item.ownerName } : {}),
    ...(typeof item.teamId === 'string' ? { teamId: item.teamId } : {}),
    status: item.status as DealStatus,
    amount: Number(item.amount ?? 0),
    currency: String(item.currency),
    probability: Number(item.probability ?? 0),
    ...(typeof item.forecastCategory === 'string' ? { forecastCategory: item.forecastCategory } : {}),
    createdAt: String(item.createdAt),
    ...(typeof item.closedAt === 'string' ? { closedAt: item.closedAt } : {}),
    ...(typeof item.expectedCloseDate === 'string' ? { expectedCloseDate: item.expectedCloseDate } : {}),
    month,
  };
}

/** The deals of the partitions that close in the months (all statuses, or one). */
export async function closingDeals(
  partitions: readonly DealPartition[],
  months: readonly string[],
  status?: DealStatus,
): Promise<ClosingDeals> {
  const out: ClosingDeals = { deals: [], truncated: false, requests: 0 };
  const reads = partitions.flatMap((partition) => months.map((month) => ({ partition, month })));
  await Promise.all(
    reads.map(async ({ partition, month }) => {
      const source = dealCloseMonthSource(month, partition, status);
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES_PER_PARTITION; page++) {
        // queryPage may make a second request only with filters; we have none.
        const got = await queryPage<Record<string, unknown>>(source, { limit: PAGE_ITEMS, forward: true, cursor });
        out.requests += 1;
        out.deals.push(...got.items.map((item) => toForecastDeal(item, month)));
        if (!got.nextCursor) return;
        cursor = got.nextCursor;
      }
      out.truncated = true;
    }),
  );
  out.deals.sort((a, b) => a.month.localeCompare(b.month) || a.id.localeCompare(b.id));
  return out;
}

export interface StageCell {
  stageId: string;
  currency: string;
  count: number;
  amount: number;
}

/** The maintained board totals of the partitions in a pipeline, summed per stage and currency. */
export async function stageTotals(pipelineId: string, partitions: readonly DealPartition[]): Promise<StageCell[]> {
  const cells = new Map<string, StageCell>();
  const pages = await Promise.all(
    partitions.map((p) =>
      // A pipeline has at most 20 stages: a few dozen cells, one page.
      queryPage<Record<string, unknown>>(dealTotalsSource(pipelineId, p), { limit: 200, forward: true }),
    ),
  );
  for (const item of pages.flatMap((p) => p.items)) {
    const stageId = String(item.stageId);
    const currency = String(item.currency);
    const key = `${stageId}#${currency}`;
    const cell = cells.get(key) ?? { stageId, currency, count: 0, amount: 0 };
    cell.count += Number(item.count ?? 0);
    cell.amount += Number(item.amount ?? 0);
    cells.set(key, cell);
  }
  return [...cells.values()].filter((c) => c.count !== 0 || c.amount !== 0);
}

/** A pipeline item as stored (GetItem); undefined when the table has none yet. */
export async function pipelineItem(pipelineId: string): Promise<Record<string, unknown> | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: dealKeys.pipeline(pipelineId) }));
  return out.Item;
}
