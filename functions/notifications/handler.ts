import { routesOf } from '../../infra/manifest.js';
import {
  myNotifications,
  myPreferences,
  readAll,
  readOne,
  setMyPreferences,
} from '../../shared/app/notifications/notification-commands.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import {
  notificationListQuery,
  notificationPreferencesPut,
} from '../../shared/domain/notifications/notification.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of notifications: a user's own in-app notifications and e-mail preferences. */
export const handler = createHandler(routesOf('notifications'), {
  'GET /api/notifications': defineRoute({
    query: notificationListQuery,
    handle: async ({ query, principal }) => ok(await myNotifications(principal, query.limit, query.cursor)),
  }),
  'POST /api/notifications/{id}/read': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(await readOne(principal, params.id)),
  }),
  'POST /api/notifications/read-all': defineRoute({
    handle: async ({ principal }) => ok(await readAll(principal)),
  }),
  'GET /api/me/notification-preferences': defineRoute({
    handle: async ({ principal }) => ok(await myPreferences(principal)),
  }),
  'PUT /api/me/notification-preferences': defineRoute({
    body: notificationPreferencesPut,
    handle: async ({ body, principal }) => ok(await setMyPreferences(principal, body)),
  }),
});
