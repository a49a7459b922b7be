import { routesOf } from '../../infra/manifest.js';
import {
  myNotifications,
  myPreferences,
  readAll,
  readOne,
  setMyPreferences,
} from '../../shared/app/notifications/notification-commands.js';
import { notificationsApi } from '../../shared/http/contracts/notifications.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of notifications: a user's own in-app notifications and e-mail preferences. */
export const handler = createHandler(
  routesOf('notifications'),
  {
    'GET /api/notifications': defineRoute({
      ...notificationsApi['GET /api/notifications'],
      handle: async ({ query, principal }) => ok(await myNotifications(principal, query.limit, query.cursor)),
    }),
    'POST /api/notifications/{id}/read': defineRoute({
      ...notificationsApi['POST /api/notifications/{id}/read'],
      handle: async ({ params, principal }) => ok(await readOne(principal, params.id)),
    }),
    'POST /api/notifications/read-all': defineRoute({
      handle: async ({ principal }) => ok(await readAll(principal)),
    }),
    'GET /api/me/notification-preferences': defineRoute({
      handle: async ({ principal }) => ok(await myPreferences(principal)),
    }),
    'PUT /api/me/notification-preferences': defineRoute({
      ...notificationsApi['PUT /api/me/notification-preferences'],
      handle: async ({ body, principal }) => ok(await setMyPreferences(principal, body)),
    }),
  },
  notificationsApi,
);
