import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { duplicatesQuery, leadCreate, leadRulesPut, poolListQuery } from '../../domain/leads/lead.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });

export const leadsApi = {
  'GET /api/lead-pool': routeContract({ query: poolListQuery }),
  'POST /api/lead-pool/{id}/claim': routeContract({ params: idParams }),
  'POST /api/lead-pool/{id}/release': routeContract({ params: idParams }),
  'POST /api/leads': routeContract({ body: leadCreate, idempotent: true }),
  'GET /api/lead-rules': routeContract({}),
  'PUT /api/lead-rules/{id}': routeContract({ params: idParams, body: leadRulesPut }),
  'GET /api/duplicates': routeContract({ query: duplicatesQuery }),
};
