import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { readMergedTimeline } from '../../db/activities.repository.js';
import { dealBoardColumns, listDeals as listDealsInScope } from '../../db/deals.repository.js';
import { invalid } from '../../domain/common/errors.js';
import type { Page } from '../../domain/common/fields.js';
import type { BoardColumn, Deal, DealBoardQuery, DealListQuery } from '../../domain/deals/deal.schema.js';
import { DEFAULT_PIPELINE_ID, type Pipeline } from '../../domain/deals/pipeline.schema.js';
import type { MergedTimelineEntry } from '../../domain/work/timeline.js';
import { dealOrThrow } from './deal-commands.js';
import { pipelineOrThrow } from './pipeline-commands.js';

/** A deal list in the caller's scope: one Query (the plan is the repository's, see listDeals there). */
export async function listDeals(query: DealListQuery, principal: Principal): Promise<Page<Deal>> {
  if (query.sort === 'closeDate' && !query.closeMonth)
    throw invalid({ sort: 'Sorting by close date needs a close month (closeMonth)' });
  return listDealsInScope(recordScopeOf(principal), query);
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
  return { pipeline, columns: await dealBoardColumns(recordScopeOf(principal), pipeline, query) };
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
