import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { readMergedTimeline } from '../../db/activities.repository.js';
import { dealFromItem, readTotals } from '../../db/deals.repository.js';
import { dealCloseMonthSource, dealListSource, dealPartitionFor, dealStageSource } from '../../db/keys.deals.js';
import type { ListSource } from '../../db/keys.js';
import { type Filter, queryPage } from '../../db/query.js';
import { invalid } from '../../domain/common/errors.js';
import type { Page } from '../../domain/common/fields.js';
import type { BoardColumn, Deal, DealBoardQuery, DealListQuery } from '../../domain/deals/deal.schema.js';
import { DEFAULT_PIPELINE_ID, type Pipeline } from '../../domain/deals/pipeline.schema.js';
import type { MergedTimelineEntry } from '../../domain/work/timeline.js';
import { dealOrThrow } from './deal-commands.js';
import { pipelineOrThrow } from './pipeline-commands.js';

export interface ListPlan {
  source: ListSource;
  filters: Filter[];
  forward: boolean;
}

/**
 * The ONE Query that serves a deal list (see the list plan in keys.deals.ts): the scope's
 * partition (narrowed by an owner or team filter), on the stage index when a stage is asked
 * for, else the close-month index when a month is, else recently updated. The rest are
 * FilterExpressions on that partition. 'empty' when the filter lies outside the scope.
 */
export function planDealList(query: DealListQuery, principal: Principal): ListPlan | 'empty' {
  const scoped = dealPartitionFor(recordScopeOf(principal), { ownerId: query.ownerId, teamId: query.teamId });
  if (scoped === 'empty') return 'empty';
  const { partition, teamFilter } = scoped;
  if (query.sort === 'closeDate' && !query.closeMonth)
    throw invalid({ sort: 'Sorting by close date needs a close month (closeMonth)' });
  const filters: Filter[] = [];
  if (teamFilter) filters.push({ attribute: 'teamId', op: 'eq', value: teamFilter });
  if (query.currency) filters.push({ attribute: 'currency', op: 'eq', value: query.currency });
  if (query.minAmount !== undefined) filters.push({ attribute: 'amount', op: 'gte', value: query.minAmount });
  if (query.maxAmount !== undefined) filters.push({ attribute: 'amount', op: 'lte', value: query.maxAmount });
  const descending = query.order ? query.order === 'desc' : query.sort === 'updated';

  if (query.stageId) {
    if (query.closeMonth) filters.push({ attribute: 'closeMonth', op: 'eq', value: query.closeMonth });
    if (query.status) filters.push({ attribute: 'status', op: 'eq', value: query.status });
    const pipelineId = query.pipelineId ?? DEFAULT_PIPELINE_ID;
    return { source: dealStageSource(partition, pipelineId, query.stageId), filters, forward: !descending };
  }
  if (query.pipelineId) filters.push({ attribute: 'pipelineId', op: 'eq', value: query.pipelineId });
  if (query.closeMonth) {
    return {
      source: dealCloseMonthSource(query.closeMonth, partition, query.status),
      filters,
      forward: !descending,
    };
  }
  if (query.status) filters.push({ attribute: 'status', op: 'eq', value: query.status });
  return { source: dealListSource(partition), filters, forward: !descending };
}

export async function listDeals(query: DealListQuery, principal: Principal): Promise<Page<Deal>> {
  const plan = planDealList(query, principal);
  if (plan === 'empty') return { items: [], nextCursor: null };
  const page = await queryPage<Record<string, unknown>>(plan.source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: plan.forward,
    filters: plan.filters,
  });
  return { items: page.items.map(dealFromItem), nextCursor: page.nextCursor };
}

/**
 * The board of a pipeline: one page per stage (each its own Query on the scope's stage index,
 * recently updated first, run side by side) and the column totals from the maintained totals
 * (one Query). Its cost is stages + 2 requests, whatever the number of deals. "Load more" of a
 * column is GET /api/deals?pipelineId=&stageId=&cursor=, the same Query.
 */
export async function dealBoard(
  query: DealBoardQuery,
  principal: Principal,
): Promise<{ pipeline: Pipeline; columns: BoardColumn[] }> {
  const pipeline = await pipelineOrThrow(query.pipelineId ?? DEFAULT_PIPELINE_ID);
  const scoped = dealPartitionFor(recordScopeOf(principal), { ownerId: query.ownerId, teamId: query.teamId });
  if (scoped === 'empty') {
    return {
      pipeline,
      columns: pipeline.stages.map((s) => ({
        stageId: s.id,
        items: [],
        nextCursor: null,
        totals: { count: 0, amounts: [] },
      })),
    };
  }
  const filters: Filter[] = scoped.teamFilter ? [{ attribute: 'teamId', op: 'eq', value: scoped.teamFilter }] : [];
  const [totals, ...pages] = await Promise.all([
    readTotals(pipeline.id, scoped.partition),
    ...pipeline.stages.map((s) =>
      queryPage<Record<string, unknown>>(dealStageSource(scoped.partition, pipeline.id, s.id), {
        limit: query.limit,
        forward: false,
        filters,
      }),
    ),
  ]);
  return {
    pipeline,
    columns: pipeline.stages.map((s, i) => ({
      stageId: s.id,
      items: pages[i]!.items.map(dealFromItem),
      nextCursor: pages[i]!.nextCursor,
      totals: totals.get(s.id) ?? { count: 0, amounts: [] },
    })),
  };
}

/**
 * A deal's history, newest first: its audit trail merged with the activities logged on it (two
 * bounded Queries a page, one cursor; see shared/db/activities.repository.ts).
 */
export async function dealTimeline(
  id: string,
  principal: Principal,
  page: { cursor?: string; limit: number },
): Promise<Page<MergedTimelineEntry>> {
  await dealOrThrow(id, principal);
  return readMergedTimeline('deal', id, page);
}
