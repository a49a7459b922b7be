import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { config } from '../../shared/config.js';
import { db, tableName } from '../../shared/db/client.js';
import { keys } from '../../shared/db/keys.js';
import { sendEmail } from '../../shared/email/mailer.js';
import { ASSIGNMENT_EMAIL, renderEmail } from '../../shared/email/templates.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { logger } from '../../shared/http/logger.js';

const LABEL: Record<string, string> = { contact: 'contact', company: 'company' };
const PATH: Record<string, string> = { contact: 'contacts', company: 'companies' };

/**
 * Tells the new owner of a contact or company by e-mail. Events arrive at least once, so each is
 * claimed with a conditional write keyed by the event's audit id: a redelivered event that was
 * already mailed sends nothing again.
 */
export async function handler(event: EventBridgeEvent<string, DomainEventDetail>): Promise<'sent' | 'skipped'> {
  const detail = event.detail;
  const ownerChange = detail.changes.find((c) => c.field === 'ownerId');
  const ownerId = typeof ownerChange?.after === 'string' ? ownerChange.after : undefined;
  // Nobody needs telling that they gave a record to themselves.
  if (!ownerId || ownerId === detail.actor.id) return 'skipped';

  const owner = (await db().send(new GetCommand({ TableName: tableName(), Key: keys.user(ownerId) }))).Item;
  if (!owner?.email) return 'skipped';

  const claim = keys.notification(detail.id, 'assignment');
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
          ':type': 'Notification',
          ':ttl': Math.floor(Date.now() / 1000) + 7 * 86_400,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return 'skipped';
    throw error;
  }
  const email = await renderEmail(ASSIGNMENT_EMAIL, {
    ownerName: String(owner.name),
    actorName: detail.actor.name,
    entityLabel: LABEL[detail.entity] ?? detail.entity,
    entityName: detail.entityName,
    link: `${config().APP_URL}/app/${PATH[detail.entity] ?? ''}/${detail.entityId}`,
  });
  await sendEmail({ to: String(owner.email), ...email });
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: claim,
      UpdateExpression: 'SET #s = :sent',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':sent': 'sent' },
    }),
  );
  logger.info('assignment e-mail sent', { auditId: detail.id, entity: detail.entity });
  return 'sent';
}
