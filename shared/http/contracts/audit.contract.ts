import { auditExportQuery, auditListQuery } from '../../domain/audit/audit.schema.js';
import { routeContract } from '../route.js';

export const auditApi = {
  'GET /api/audit': routeContract({ query: auditListQuery }),
  'GET /api/audit/export': routeContract({ query: auditExportQuery }),
};
