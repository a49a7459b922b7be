import { routesOf } from '../../infra/manifest.js';
import { forecastOf, salesDashboard } from '../../shared/app/forecast/forecast-queries.js';
import { listQuotas, setQuotas } from '../../shared/app/forecast/quota-commands.js';
import { forecastQuery, salesDashboardQuery } from '../../shared/domain/forecast/forecast.schema.js';
import { quotaPut, quotaPutQuery, quotaQuery } from '../../shared/domain/forecast/quota.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the forecast context: quotas, the forecast and the sales dashboard's figures. */
export const handler = createHandler(routesOf('forecast'), {
  'GET /api/quotas': defineRoute({
    query: quotaQuery,
    handle: async ({ query, principal }) => ok(await listQuotas(query.period, principal)),
  }),
  'PUT /api/quotas': defineRoute({
    query: quotaPutQuery,
    body: quotaPut,
    handle: async ({ query, body, principal }) => ok(await setQuotas(body, principal, query.period)),
  }),
  'GET /api/forecast': defineRoute({
    query: forecastQuery,
    handle: async ({ query, principal }) => ok(await forecastOf(query, principal)),
  }),
  'GET /api/dashboard/sales': defineRoute({
    query: salesDashboardQuery,
    handle: async ({ query, principal }) => ok(await salesDashboard(query, principal)),
  }),
});
