import type { Principal } from '../../auth/principal.js';
import {
  getPreferences,
  listNotifications,
  markAllRead,
  markRead,
  putPreferences,
  unreadCount,
} from '../../db/notifications.repository.js';
import { KIND_IDS, wantsEmail } from '../../domain/notifications/kinds.js';
import type {
  NotificationList,
  NotificationPreferencesPut,
  NotificationPreferencesView,
} from '../../domain/notifications/notification.schema.js';

/**
 * A user's own notifications: every call is keyed by the principal's id, so nobody reads or
 * marks another user's notifications (an id of someone else's is simply not found).
 */

export const myNotifications = (principal: Principal, limit: number, cursor?: string): Promise<NotificationList> =>
  listNotifications(principal.userId, limit, cursor);

export async function readOne(principal: Principal, id: string, now = new Date()): Promise<{ unread: number }> {
  await markRead(principal.userId, id, now);
  return { unread: await unreadCount(principal.userId) };
}

export async function readAll(principal: Principal, now = new Date()): Promise<{ marked: number; unread: number }> {
  const { marked } = await markAllRead(principal.userId, now);
  return { marked, unread: await unreadCount(principal.userId) };
}

export async function myPreferences(principal: Principal): Promise<NotificationPreferencesView> {
  const prefs = await getPreferences(principal.userId);
  return {
    email: Object.fromEntries(KIND_IDS.map((k) => [k, wantsEmail(prefs, k)])),
    language: prefs.language ?? 'en',
  };
}

export async function setMyPreferences(
  principal: Principal,
  input: NotificationPreferencesPut,
  now = new Date(),
): Promise<NotificationPreferencesView> {
  const current = await getPreferences(principal.userId);
  const email: Record<string, boolean> = { ...current.email };
  for (const [kind, on] of Object.entries(input.email ?? {})) if (on !== undefined) email[kind] = on;
  await putPreferences(principal.userId, { email, language: input.language ?? current.language }, now);
  return myPreferences(principal);
}
