import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '../domain/common/errors.js';
import type { NotificationPreferences } from '../domain/notifications/kinds.js';
import type { Notification, NotificationList } from '../domain/notifications/notification.schema.js';
import { db, tableName } from './client.js';
import {
  notificationKeys,
  unreadIndexKeys,
  unreadNotificationsSource,
  userNotificationsSource,
} from './keys.notifications.js';
import { type TransactItem, transactWrite } from './kit.js';
import { queryPage } from './query.js';

/**
 * In-app notifications of a user (keys.notifications.ts). Invariant: the user's UNREAD counter
 * equals the number of their notifications without `readAt`; every write that changes one
 * changes the other in the same transaction (create: +1; mark read: −1, conditioned on the
 * notification being unread), so a retried or concurrent call never drifts the badge.
 */

interface NotificationItem extends Notification {
  type: 'Notification';
  pk: string;
  sk: string;
  userId: string;
  gsi4pk?: string;
  gsi4sk?: string;
  expiresAt?: number;
}

/** Read notifications are kept this long; unread ones until read. */
const READ_RETENTION_SECONDS = 90 * 86_400;

/**
 * The id of the notification an event creates: deterministic (a redelivered event finds it)
 * and time-first, so ids sort as the notifications were made (`20260301090000000-<hash>`).
 */
export function notificationIdFor(eventId: string, kind: string, at: string): string {
  const time = at.replace(/\D/g, '').slice(0, 17);
  return `${time}-${createHash('sha256').update(`${eventId}|${kind}`).digest('hex').slice(0, 20)}`;
}

/**
 * Creates a user's notification unless it already exists (same event and kind). Returns false
 * when it did: the event was delivered before.
 */
export async function createNotification(userId: string, n: Notification): Promise<boolean> {
  const item: NotificationItem = {
    type: 'Notification',
    ...notificationKeys.notification(userId, n.id),
    ...unreadIndexKeys(userId, n.id),
    userId,
    ...n,
  };
  const items: TransactItem[] = [
    { Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Update: {
        TableName: tableName(),
        Key: notificationKeys.unreadCount(userId),
        UpdateExpression: 'ADD unread :one SET #t = :type',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: { ':one': 1, ':type': 'NotificationCounter' },
      },
    },
  ];
  try {
    await transactWrite(items, () => new AppError('conflict', 'notification.exists', 'Already notified'));
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'notification.exists') return false;
    throw error;
  }
}

/** A user's notifications, newest first (table partition), with their unread count. */
export async function listNotifications(userId: string, limit: number, cursor?: string): Promise<NotificationList> {
  const [page, unread] = await Promise.all([
    queryPage<NotificationItem & Record<string, unknown>>(userNotificationsSource(userId), {
      limit,
      cursor,
      forward: false,
    }),
    unreadCount(userId),
  ]);
  return { items: page.items.map(toNotification), nextCursor: page.nextCursor, unread };
}

export async function unreadCount(userId: string): Promise<number> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: notificationKeys.unreadCount(userId) }));
  return Math.max(0, Number(out.Item?.unread ?? 0));
}

/**
 * Marks one notification read: one conditional transaction; only when it fails is the item
 * read, to tell "already read" (fine, idempotent) from "no such notification" (404).
 */
export async function markRead(userId: string, notificationId: string, now: Date): Promise<void> {
  const key = notificationKeys.notification(userId, notificationId);
  if ((await markItemsRead(userId, [key], now)) === 1) return;
  const current = (await db().send(new GetCommand({ TableName: tableName(), Key: key }))).Item;
  if (!current) throw notFound('notification');
}

/** Marks every unread notification read, page by page through the sparse unread index. */
export async function markAllRead(userId: string, now: Date): Promise<{ marked: number }> {
  let marked = 0;
  // Bounded: 20 pages of 25 (500 notifications) per call; the console calls again if more remain.
  for (let page = 0; page < 20; page++) {
    const unread = await queryPage<NotificationItem & Record<string, unknown>>(unreadNotificationsSource(userId), {
      limit: 25,
      forward: true,
    });
    if (unread.items.length === 0) break;
    marked += await markItemsRead(
      userId,
      unread.items.map((i) => ({ pk: i.pk, sk: i.sk })),
      now,
    );
    if (!unread.nextCursor) break;
  }
  return { marked };
}

/**
 * One transaction: each notification gets `readAt` and leaves the unread index (condition:
 * still unread), and the counter drops by their number. A notification read concurrently
 * fails the condition; the rest are retried without it.
 */
async function markItemsRead(userId: string, itemKeys: { pk: string; sk: string }[], now: Date): Promise<number> {
  let pending = itemKeys;
  for (let attempt = 0; attempt < itemKeys.length && pending.length > 0; attempt++) {
    const items: TransactItem[] = pending.map((Key) => ({
      Update: {
        TableName: tableName(),
        Key,
        UpdateExpression: 'SET readAt = :now, expiresAt = :ttl REMOVE gsi4pk, gsi4sk',
        ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(readAt)',
        ExpressionAttributeValues: {
          ':now': now.toISOString(),
          ':ttl': Math.floor(now.getTime() / 1000) + READ_RETENTION_SECONDS,
        },
      },
    }));
    items.push({
      Update: {
        TableName: tableName(),
        Key: notificationKeys.unreadCount(userId),
        UpdateExpression: 'ADD unread :minus',
        ExpressionAttributeValues: { ':minus': -pending.length },
      },
    });
    let failedIdx: number[] = [];
    try {
      await transactWrite(items, (failed) => {
        failedIdx = failed.map((f) => f.index);
        return new AppError('conflict', 'notification.already_read', 'Already read');
      });
      return pending.length;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'notification.already_read')) throw error;
      pending = pending.filter((_, i) => !failedIdx.includes(i));
    }
  }
  return 0;
}

export async function getPreferences(userId: string): Promise<NotificationPreferences> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: notificationKeys.preferences(userId) }));
  const language = out.Item?.language === 'zh-CN' ? 'zh-CN' : out.Item?.language === 'en' ? 'en' : undefined;
  return { email: (out.Item?.email as Record<string, boolean> | undefined) ?? {}, ...(language ? { language } : {}) };
}

export async function putPreferences(userId: string, prefs: NotificationPreferences, now: Date): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        type: 'NotificationPreferences',
        ...notificationKeys.preferences(userId),
        email: prefs.email,
        language: prefs.language,
        updatedAt: now.toISOString(),
      },
    }),
  );
}

function toNotification(item: NotificationItem): Notification {
  const { id, kind, entity, entityId, entityName, link, actorName, data, at, readAt } = item;
  return { id, kind, entity, entityId, entityName, link, actorName, data, at, ...(readAt ? { readAt } : {}) };
}
