import { routesOf } from '../../infra/manifest.js';
import {
  calendarOrThrow,
  calendarsPage,
  createCalendar,
  dueOn,
  updateCalendar,
} from '../../shared/app/service/calendar-commands.js';
import { id, pageQuery } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import {
  businessCalendarCreate,
  businessCalendarPatch,
  dueQuery,
} from '../../shared/domain/service/business-calendar.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of the service desk: business calendars (tickets and SLA policies to follow). */
export const handler = createHandler(routesOf('service'), {
  'GET /api/business-calendars': defineRoute({
    query: z.strictObject(pageQuery),
    handle: async ({ query }) => ok(await calendarsPage(query)),
  }),
  'POST /api/business-calendars': defineRoute({
    body: businessCalendarCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createCalendar(body, principal, idempotency),
  }),
  'GET /api/business-calendars/{id}': defineRoute({
    params: idParams,
    handle: async ({ params }) => ok(await calendarOrThrow(params.id)),
  }),
  'PATCH /api/business-calendars/{id}': defineRoute({
    params: idParams,
    body: businessCalendarPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) => {
      const { version: _sent, ...patch } = body;
      return ok(await updateCalendar(params.id, patch, version, principal));
    },
  }),
  'GET /api/business-calendars/{id}/due': defineRoute({
    params: idParams,
    query: dueQuery,
    handle: async ({ params, query }) => ok(await dueOn(params.id, query.from, query.minutes)),
  }),
});
