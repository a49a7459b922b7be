import { routesOf } from '../../infra/manifest.js';
import { forecastOf, salesDashboard } from '../../shared/app/forecast/forecast-queries.js';
import { listQuotas, setQuotas } from '../../shared/app/forecast/quota-commands.js';
import { forecastApi } from '../../shared/http/contracts/forecast.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the forecast context: quotas, the forecast and the sales dashboard's figures. */
export const handler = createHandler(
  routesOf('forecast'),
  {
    'GET /api/quotas': defineRoute({
      ...forecastApi['GET /api/quotas'],
      handle: async ({ query, principal }) => ok(await listQuotas(query.period, principal)),
    }),
    'PUT /api/quotas': defineRoute({
      ...forecastApi['PUT /api/quotas'],
      handle: async ({ query, body, principal }) => ok(await setQuotas(body, principal, query.period)),
    }),
    'GET /api/forecast': defineRoute({
      ...forecastApi['GET /api/forecast'],
      handle: async ({ query, principal }) => ok(await forecastOf(query, principal)),
    }),
    'GET /api/dashboard/sales': defineRoute({
      ...forecastApi['GET /api/dashboard/sales'],
      handle: async ({ query, principal }) => ok(await salesDashboard(query, principal)),
    }),
  },
  forecastApi,
);
