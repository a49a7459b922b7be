import * as z from '../common/zod.js';
import { KIND_IDS } from './kinds.js';

/** An in-app notification as the API returns it; the console renders its title from `kind`. */
export interface Notification {
  id: string;
  kind: string;
  entity: string;
  entityId: string;
  entityName: string;
  /** Console path to open. */
  link: string;
  actorName: string;
  /** Kind-specific values for the title, e.g. the reminder's offset and due time. */
  data: Record<string, string>;
  at: string;
  readAt?: string;
}

export interface NotificationList {
  items: Notification[];
  nextCursor: string | null;
  unread: number;
}

export const notificationListQuery = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(50))), 20),
});

/** PUT body: the e-mail switch of each kind (kinds left out keep their setting). */
export const notificationPreferencesPut = z.strictObject({
  email: z.optional(z.partialRecord(z.enum(KIND_IDS as [string, ...string[]]), z.boolean())),
  language: z.optional(z.enum(['en', 'zh-CN'])),
});
export type NotificationPreferencesPut = z.infer<typeof notificationPreferencesPut>;

export interface NotificationPreferencesView {
  /** Every known kind with its current switch. */
  email: Record<string, boolean>;
  language: 'en' | 'zh-CN';
}
