import { id, pageQuery } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import {
  dealBoardQuery,
  dealCreate,
  dealListQuery,
  dealPatch,
  dealStageChange,
} from '../../domain/deals/deal.schema.js';
import { pipelineCreate, pipelinePatch } from '../../domain/deals/pipeline.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });
const timelineQuery = z.strictObject(pageQuery);

export const dealsApi = {
  'GET /api/pipelines': routeContract({}),
  'POST /api/pipelines': routeContract({ body: pipelineCreate, idempotent: true }),
  'PATCH /api/pipelines/{id}': routeContract({ params: idParams, body: pipelinePatch, versioned: true }),
  'GET /api/deals': routeContract({ query: dealListQuery }),
  'POST /api/deals': routeContract({ body: dealCreate, idempotent: true }),
  'GET /api/deals/board': routeContract({ query: dealBoardQuery }),
  'GET /api/deals/{id}': routeContract({ params: idParams }),
  'PATCH /api/deals/{id}': routeContract({ params: idParams, body: dealPatch, versioned: true }),
  'DELETE /api/deals/{id}': routeContract({ params: idParams }),
  'POST /api/deals/{id}/stage': routeContract({ params: idParams, body: dealStageChange }),
  'GET /api/deals/{id}/timeline': routeContract({ params: idParams, query: timelineQuery }),
};
