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
import { dealsApi } from '../../shared/http/contracts/deals.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the deals context: pipelines, deals, the board and the deal list. */
export const handler = createHandler(
  routesOf('deals'),
  {
    'GET /api/pipelines': defineRoute({ handle: async () => ok(await listPipelines()) }),
    'POST /api/pipelines': defineRoute({
      ...dealsApi['POST /api/pipelines'],
      handle: async ({ body, principal, idempotency }) => createPipeline(body, principal, idempotency),
    }),
    'PATCH /api/pipelines/{id}': defineRoute({
      ...dealsApi['PATCH /api/pipelines/{id}'],
      handle: async ({ params, body, version, principal }) =>
        ok(await updatePipeline(params.id, body, version, principal)),
    }),
    'GET /api/deals': defineRoute({
      ...dealsApi['GET /api/deals'],
      handle: async ({ query, principal }) => ok(await listDeals(query, principal)),
    }),
    'POST /api/deals': defineRoute({
      ...dealsApi['POST /api/deals'],
      handle: async ({ body, principal, idempotency }) => createDeal(body, principal, idempotency),
    }),
    'GET /api/deals/board': defineRoute({
      ...dealsApi['GET /api/deals/board'],
      handle: async ({ query, principal }) => ok(await dealBoard(query, principal)),
    }),
    'GET /api/deals/{id}': defineRoute({
      ...dealsApi['GET /api/deals/{id}'],
      handle: async ({ params, principal }) => ok(await dealOrThrow(params.id, principal)),
    }),
    'PATCH /api/deals/{id}': defineRoute({
      ...dealsApi['PATCH /api/deals/{id}'],
      handle: async ({ params, body, version, principal }) => ok(await updateDeal(params.id, body, version, principal)),
    }),
    'DELETE /api/deals/{id}': defineRoute({
      ...dealsApi['DELETE /api/deals/{id}'],
      handle: async ({ params, principal }) => ok(await deleteDeal(params.id, principal)),
    }),
    'POST /api/deals/{id}/stage': defineRoute({
      ...dealsApi['POST /api/deals/{id}/stage'],
      handle: async ({ params, body, principal }) => ok(await changeDealStage(params.id, body, principal)),
    }),
    'GET /api/deals/{id}/timeline': defineRoute({
      ...dealsApi['GET /api/deals/{id}/timeline'],
      handle: async ({ params, query, principal }) => ok(await dealTimeline(params.id, principal, query)),
    }),
  },
  dealsApi,
);
