import { routesOf } from '../../infra/manifest.js';
import {
  changeDealStage,
  createDeal,
  dealOrThrow,
  deleteDeal,
  updateDeal,
} from '../../shared/app/deals/deal-commands.js';
import { dealBoard, dealTimeline, listDeals } from '../../shared/app/deals/deal-queries.js';
import { createPipeline, listPipelines, updatePipeline } from '../../shared/app/deals/pipeline-commands.js';
import { id, pageQuery } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import {
  dealBoardQuery,
  dealCreate,
  dealListQuery,
  dealPatch,
  dealStageChange,
} from '../../shared/domain/deals/deal.schema.js';
import { pipelineCreate, pipelinePatch } from '../../shared/domain/deals/pipeline.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });
const timelineQuery = z.strictObject(pageQuery);

/** Lambda entry of the deals context: pipelines, deals, the board and the deal list. */
export const handler = createHandler(routesOf('deals'), {
  'GET /api/pipelines': defineRoute({ handle: async () => ok(await listPipelines()) }),
  'POST /api/pipelines': defineRoute({
    body: pipelineCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createPipeline(body, principal, idempotency),
  }),
  'PATCH /api/pipelines/{id}': defineRoute({
    params: idParams,
    body: pipelinePatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await updatePipeline(params.id, body, version, principal)),
  }),
  'GET /api/deals': defineRoute({
    query: dealListQuery,
    handle: async ({ query, principal }) => ok(await listDeals(query, principal)),
  }),
  'POST /api/deals': defineRoute({
    body: dealCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createDeal(body, principal, idempotency),
  }),
  'GET /api/deals/board': defineRoute({
    query: dealBoardQuery,
    handle: async ({ query, principal }) => ok(await dealBoard(query, principal)),
  }),
  'GET /api/deals/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await dealOrThrow(params.id, principal)),
  }),
  'PATCH /api/deals/{id}': defineRoute({
    params: idParams,
    body: dealPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) => ok(await updateDeal(params.id, body, version, principal)),
  }),
  'DELETE /api/deals/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await deleteDeal(params.id, principal)),
  }),
  'POST /api/deals/{id}/stage': defineRoute({
    params: idParams,
    body: dealStageChange,
    handle: async ({ params, body, principal }) => ok(await changeDealStage(params.id, body, principal)),
  }),
  'GET /api/deals/{id}/timeline': defineRoute({
    params: idParams,
    query: timelineQuery,
    handle: async ({ params, query, principal }) => ok(await dealTimeline(params.id, principal, query)),
  }),
});
