import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { config, parseConfigAtColdStart } from '../../shared/config.js';
import { db, tableName } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';
import { createNotification, getPreferences, notificationIdFor } from '../../shared/db/notifications.repository.js';
import { firedReminderOf } from '../../shared/db/reminders.js';
import { kindsFor, type NotificationKind, wantsEmail } from '../../shared/domain/notifications/kinds.js';
import { offsetDays } from '../../shared/domain/notifications/reminder-times.js';
import { sendEmail } from '../../shared/email/mailer.js';
import {
  type EmailLanguage,
  ENTITY_LABELS,
  HEADLINES,
  NOTIFICATION_EMAILS,
} from '../../shared/email/notification-templates.js';
import { renderEmail } from '../../shared/email/templates.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/**
 * The notifier: for every domain event the registry (shared/domain/notifications/kinds.ts)
 * lists — reminders (contract.expiring, task.due) and assignments (contact/company/deal/task
 * .assigned) — it creates each recipient's in-app notification and e-mails them unless they
 * turned that kind off. Events arrive at least once:
 *  - the in-app notification has a deterministic id (event + kind) and a conditional put, so a
 *    redelivery creates nothing twice;
 *  - the e-mail is claimed per (event, kind, recipient) with a conditional write (sending →
 *    sent), so a redelivery after a successful send sends nothing; a crash between claim and
 *    send is retried (status stays `sending`).
 */
export async function handler(
  event: Pick<EventBridgeEvent<string, DomainEventDetail>, 'detail-type' | 'detail'>,
): Promise<{ notified: number; emailed: number }> {
  let notified = 0;
  let emailed = 0;
  for (const kind of kindsFor(event['detail-type'])) {
    for (const recipientId of kind.recipients(event.detail)) {
      const result = await notify(kind, recipientId, event.detail);
      if (result.created) notified++;
      if (result.emailed) emailed++;
    }
  }
  return { notified, emailed };
}

async function notify(
  kind: NotificationKind,
  recipientId: string,
  detail: DomainEventDetail,
): Promise<{ created: boolean; emailed: boolean }> {
  const profile = (await db().send(new GetCommand({ TableName: tableName(), Key: keys.user(recipientId) }))).Item;
  if (!profile) return { created: false, emailed: false };
  const data = textData(detail);
  const link = kind.link(detail);
  const created = await createNotification(recipientId, {
    id: notificationIdFor(detail.id, kind.kind, detail.at),
    kind: kind.kind,
    entity: detail.entity,
    entityId: detail.entityId,
    entityName: detail.entityName,
    link,
    actorName: detail.actor.name,
    data,
    at: detail.at,
  });
  const prefs = await getPreferences(recipientId);
  if (!profile.email || !wantsEmail(prefs, kind.kind)) return { created, emailed: false };
  const emailed = await sendOnce(kind, recipientId, detail, async () => {
    const language: EmailLanguage = prefs.language ?? 'en';
    const headlineTemplate = HEADLINES[kind.kind]?.[language] ?? '';
    const vars = {
      ...data,
      recipientName: String(profile.name ?? profile.email),
      actorName: detail.actor.name,
      entityName: detail.entityName,
      entityLabel: ENTITY_LABELS[detail.entity]?.[language] ?? detail.entity,
      link: `${config().APP_URL}${link}`,
    };
    const headline = headlineTemplate
      ? (await renderEmail({ subject: headlineTemplate, html: '', text: '' }, vars)).subject
      : '';
    const email = await renderEmail(NOTIFICATION_EMAILS[kind.template][language], { ...vars, headline });
    await sendEmail({ to: String(profile.email), ...email });
  });
  return { created, emailed };
}

/** The values a notification's text uses: a reminder's days left, end date or due time. */
function textData(detail: DomainEventDetail): Record<string, string> {
  const reminder = firedReminderOf(detail.changes);
  if (!reminder) return {};
  const days = /^\d+d$/.test(reminder.offset) ? String(offsetDays(reminder.offset)) : '';
  return { endDate: '', dueAt: reminder.dueAt, days, offset: reminder.offset, ...(reminder.data ?? {}) };
}

async function sendOnce(
  kind: NotificationKind,
  recipientId: string,
  detail: DomainEventDetail,
  send: () => Promise<void>,
): Promise<boolean> {
  const claim = keys.notification(detail.id, `${kind.kind}#${recipientId}`);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: claim,
        UpdateExpression: 'SET #s = :sending, expiresAt = :ttl, #t = :type',
        ConditionExpression: 'attribute_not_exists(pk) OR #s <> :sent',
        ExpressionAttributeNames: { '#s': 'status', '#t': 'type' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':sent': 'sent',
          ':type': 'NotificationClaim',
          ':ttl': Math.floor(Date.now() / 1000) + 7 * 86_400,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
  await send();
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: claim,
      UpdateExpression: 'SET #s = :sent',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent' },
    }),
  );
  logger.info('notification e-mail sent', { auditId: detail.id, kind: kind.kind });
  return true;
}
