import * as z from '../../domain/common/zod.js';
import { routeContract } from '../route.js';

const staffQuery = z.strictObject({ status: z.optional(z.enum(['active', 'invited', 'disabled'])) });

export const platformApi = {
  'GET /api/health': routeContract({}),
  'GET /api/me': routeContract({}),
  'GET /api/staff': routeContract({ query: staffQuery }),
};
