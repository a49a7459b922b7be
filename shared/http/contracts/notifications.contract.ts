import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { notificationListQuery, notificationPreferencesPut } from '../../domain/notifications/notification.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });

export const notificationsApi = {
  'GET /api/notifications': routeContract({ query: notificationListQuery }),
  'POST /api/notifications/{id}/read': routeContract({ params: idParams }),
  'POST /api/notifications/read-all': routeContract({}),
  'GET /api/me/notification-preferences': routeContract({}),
  'PUT /api/me/notification-preferences': routeContract({ body: notificationPreferencesPut }),
};
