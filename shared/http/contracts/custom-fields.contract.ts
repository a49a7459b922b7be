import * as z from '../../domain/common/zod.js';
import { builtInFieldParams, builtInSensitivityPatch } from '../../domain/customers/builtin-sensitivity.js';
import {
  customFieldCreate,
  customFieldEntity,
  customFieldKey,
  customFieldPatch,
} from '../../domain/customers/custom-field.schema.js';
import { routeContract } from '../route.js';

const fieldParams = z.strictObject({ entity: customFieldEntity, key: customFieldKey });

export const customFieldsApi = {
  'GET /api/custom-fields': routeContract({ query: z.strictObject({ entity: z.optional(customFieldEntity) }) }),
  'POST /api/custom-fields': routeContract({ body: customFieldCreate }),
  'PATCH /api/custom-fields/{entity}/{key}': routeContract({
    params: fieldParams,
    body: customFieldPatch,
    versioned: true,
  }),
  'PATCH /api/custom-fields/{entity}/built-in/{field}': routeContract({
    params: builtInFieldParams,
    body: builtInSensitivityPatch,
    versioned: true,
  }),
  'GET /api/custom-fields/jobs/{id}': routeContract({ params: z.strictObject({ id: z.string().check(z.uuid()) }) }),
  'DELETE /api/custom-fields/{entity}/{key}': routeContract({ params: fieldParams }),
};
