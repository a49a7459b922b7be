import { id, pageQuery } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import {
  businessCalendarCreate,
  businessCalendarPatch,
  dueQuery,
} from '../../domain/service/business-calendar.schema.js';
import { slaPolicyCreate, slaPolicyPatch } from '../../domain/service/sla-policy.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });

export const serviceApi = {
  'GET /api/business-calendars': routeContract({ query: z.strictObject(pageQuery) }),
  'POST /api/business-calendars': routeContract({ body: businessCalendarCreate, idempotent: true }),
  'GET /api/business-calendars/{id}': routeContract({ params: idParams }),
  'PATCH /api/business-calendars/{id}': routeContract({
    params: idParams,
    body: businessCalendarPatch,
    versioned: true,
  }),
  'GET /api/business-calendars/{id}/due': routeContract({ params: idParams, query: dueQuery }),
  'GET /api/sla-policies': routeContract({}),
  'POST /api/sla-policies': routeContract({ body: slaPolicyCreate, idempotent: true }),
  'GET /api/sla-policies/{id}': routeContract({ params: idParams }),
  'PATCH /api/sla-policies/{id}': routeContract({ params: idParams, body: slaPolicyPatch, versioned: true }),
  'DELETE /api/sla-policies/{id}': routeContract({ params: idParams }),
};
