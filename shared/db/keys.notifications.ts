import { type AuditedEntity, type Key, type ListSource, TYPE } from './keys.core.js';

/**
 * Keys of reminders and in-app notifications (the shared mechanism that contracts, tasks and
 * assignments use). Built here and nowhere else; same shape as keys.ts.
 *
 * Base table
 * | item                              | pk                            | sk                          |
 * |-----------------------------------|-------------------------------|-----------------------------|
 * | reminder of an entity             | <TYPE>#<entityId>             | REMINDER#<offset>           |
 * | in-app notification of a user     | NOTIFICATION#USER#<userId>    | N#<notificationId>          |
 * | a user's unread count             | NOTIFICATION#USER#<userId>    | UNREAD                      |
 * | a user's notification preferences | NOTIFICATION#USER#<userId>    | PREFS                       |
 * | e-mail sent for an event (claim)  | NOTIFICATION#<eventId>        | <kind>#<userId> (keys.ts)   |
 *
 * A reminder lives in its entity's own partition (pk `CONTRACT#<id>`, `TASK#<id>`), so it is
 * written and cleared in the same transaction as the entity; it never meets the entity item
 * (sk `CONTRACT` / `TASK`). <offset> is `30d`, `7d`, `15m`... (reminder-times.ts).
 *
 * Overloaded GSIs (project ALL)
 * | index | pk                          | sk                                   | access pattern                        |
 * |-------|-----------------------------|--------------------------------------|---------------------------------------|
 * | gsi3  | REMINDER#DUE                | <dueAt>#<TYPE>#<entityId>#<offset>   | reminders due before now (the sweep)  |
 * | gsi4  | NOTIFICATION#UNREAD#<userId>| <notificationId>                     | a user's unread notifications (sparse)|
 * | table | NOTIFICATION#USER#<userId>  | begins_with N#                       | a user's notifications, newest first  |
 *
 * A notification id starts with its time (`20260301090000000-<hash>`, see
 * notifications.repository.ts), so ids sort as the notifications were made.
 *
 * The due index holds only reminders not yet sent: the sweep deletes each one as it fires, so
 * a sweep reads what is due, never the table. The unread index entry is removed when the
 * notification is read, so "mark all read" reads only unread ones.
 */

const REMINDER_DUE = 'REMINDER#DUE';

export const reminderKeys = {
  reminder: (entity: AuditedEntity, entityId: string, offset: string): Key => ({
    pk: `${TYPE[entity]}#${entityId}`,
    sk: `REMINDER#${offset}`,
  }),
};

export function reminderIndexKeys(r: {
  entity: AuditedEntity;
  entityId: string;
  offset: string;
  dueAt: string;
}): Record<string, string> {
  return { gsi3pk: REMINDER_DUE, gsi3sk: `${r.dueAt}#${TYPE[r.entity]}#${r.entityId}#${r.offset}` };
}

/** Reminders due at or before `now` (ISO), oldest first: `~` sorts after `#`, so `now` itself is included. */
export function remindersDueSource(now: string): ListSource {
  return { index: 'gsi3', pk: REMINDER_DUE, skBelow: `${now}~` };
}

const userPartition = (userId: string) => `NOTIFICATION#USER#${userId}`;
const unreadPartition = (userId: string) => `NOTIFICATION#UNREAD#${userId}`;

export const notificationKeys = {
  notification: (userId: string, id: string): Key => ({ pk: userPartition(userId), sk: `N#${id}` }),
  unreadCount: (userId: string): Key => ({ pk: userPartition(userId), sk: 'UNREAD' }),
  preferences: (userId: string): Key => ({ pk: userPartition(userId), sk: 'PREFS' }),
};

/** The sparse unread index entry of a notification (removed when it is read). */
export function unreadIndexKeys(userId: string, id: string): Record<string, string> {
  return { gsi4pk: unreadPartition(userId), gsi4sk: id };
}

/** A user's notifications (read them with forward: false for newest first). */
export function userNotificationsSource(userId: string): ListSource {
  return { index: 'table', pk: userPartition(userId), skPrefix: 'N#' };
}

export function unreadNotificationsSource(userId: string): ListSource {
  return { index: 'gsi4', pk: unreadPartition(userId) };
}
