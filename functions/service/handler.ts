import { routesOf } from '../../infra/manifest.js';
import {
  calendarOrThrow,
  calendarsPage,
  createCalendar,
  dueOn,
  updateCalendar,
} from '../../shared/app/service/calendar-commands.js';
import { serviceApi } from '../../shared/http/contracts/service.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the service desk: business calendars (tickets and SLA policies to follow). */
export const handler = createHandler(
  routesOf('service'),
  {
    'GET /api/business-calendars': defineRoute({
      ...serviceApi['GET /api/business-calendars'],
      handle: async ({ query }) => ok(await calendarsPage(query)),
    }),
    'POST /api/business-calendars': defineRoute({
      ...serviceApi['POST /api/business-calendars'],
      handle: async ({ body, principal, idempotency }) => createCalendar(body, principal, idempotency),
    }),
    'GET /api/business-calendars/{id}': defineRoute({
      ...serviceApi['GET /api/business-calendars/{id}'],
      handle: async ({ params }) => ok(await calendarOrThrow(params.id)),
    }),
    'PATCH /api/business-calendars/{id}': defineRoute({
      ...serviceApi['PATCH /api/business-calendars/{id}'],
      handle: async ({ params, body, version, principal }) => {
        const { version: _sent, ...patch } = body;
        return ok(await updateCalendar(params.id, patch, version, principal));
      },
    }),
    'GET /api/business-calendars/{id}/due': defineRoute({
      ...serviceApi['GET /api/business-calendars/{id}/due'],
      handle: async ({ params, query }) => ok(await dueOn(params.id, query.from, query.minutes)),
    }),
  },
  serviceApi,
);
