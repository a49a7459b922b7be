import { forecastQuery, salesDashboardQuery } from '../../domain/forecast/forecast.schema.js';
import { quotaPut, quotaPutQuery, quotaQuery } from '../../domain/forecast/quota.schema.js';
import { routeContract } from '../route.js';

export const forecastApi = {
  'GET /api/quotas': routeContract({ query: quotaQuery }),
  'PUT /api/quotas': routeContract({ query: quotaPutQuery, body: quotaPut }),
  'GET /api/forecast': routeContract({ query: forecastQuery }),
  'GET /api/dashboard/sales': routeContract({ query: salesDashboardQuery }),
};
