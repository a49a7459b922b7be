import { routesOf } from '../../infra/manifest.js';
import {
  calendarOrThrow,
  calendarsPage,
  createCalendar,
  dueOn,
  updateCalendar,
} from '../../shared/app/service/calendar-commands.js';
import {
  createSlaPolicy,
  removeSlaPolicy,
  slaPolicies,
  slaPolicyOrThrow,
  updateSlaPolicy,
} from '../../shared/app/service/sla-policy-commands.js';
import { serviceApi } from '../../shared/http/contracts/service.contract.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the service desk: business calendars and SLA policies (tickets to follow). */
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
    'GET /api/sla-policies': defineRoute({
      ...serviceApi['GET /api/sla-policies'],
      handle: async () => ok(await slaPolicies()),
    }),
    'POST /api/sla-policies': defineRoute({
      ...serviceApi['POST /api/sla-policies'],
      handle: async ({ body, principal, idempotency }) => createSlaPolicy(body, principal, idempotency),
    }),
    'GET /api/sla-policies/{id}': defineRoute({
      ...serviceApi['GET /api/sla-policies/{id}'],
      handle: async ({ params }) => ok(await slaPolicyOrThrow(params.id)),
    }),
    'PATCH /api/sla-policies/{id}': defineRoute({
      ...serviceApi['PATCH /api/sla-policies/{id}'],
      handle: async ({ params, body, version, principal }) => {
        const { version: _sent, ...patch } = body;
        return ok(await updateSlaPolicy(params.id, patch, version, principal));
      },
    }),
    'DELETE /api/sla-policies/{id}': defineRoute({
      ...serviceApi['DELETE /api/sla-policies/{id}'],
      handle: async ({ params, principal }) => {
        await removeSlaPolicy(params.id, principal);
        return noContent();
      },
    }),
  },
  serviceApi,
);
