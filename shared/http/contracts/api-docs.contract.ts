import { routeContract } from '../route.js';

export const apiDocsApi = {
  'GET /api/openapi.json': routeContract({}),
};
