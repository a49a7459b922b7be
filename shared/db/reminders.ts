import { AppError } from '../domain/common/errors.js';
import type { ReminderSpec } from '../domain/notifications/reminder-times.js';
import { auditRecord, putAudit } from './audit.js';
import { tableName } from './client.js';
import type { AuditedEntity } from './keys.js';
import { reminderIndexKeys, reminderKeys } from './keys.notifications.js';
import { type TransactItem, transactWrite } from './kit.js';

/**
 * Reminders: "tell someone about this entity at that time" (a contract 30, 7 and 1 days before
 * it ends; a task 15 minutes before it is due). HOW TO USE from another context:
 *
 *   1. Compute due times with shared/domain/notifications/reminder-times.ts (pure).
 *   2. Keep the reminders you wrote on your entity item (e.g. `reminders: ReminderSpec[]`).
 *   3. In the SAME transaction as the entity write, add
 *        `replaceReminders(entity, id, before?.reminders ?? [], after.reminders, recipientId, name)`
 *      (create: before = []; delete/complete/terminate: after = []). It deletes dropped
 *      offsets, puts new or moved ones, and leaves unchanged ones alone, so a reminder that
 *      already fired is not re-armed by an unrelated edit.
 *   4. Register the event (`task.due`) in shared/domain/notifications/kinds.ts: the notifier
 *      then creates the in-app notification and sends the e-mail to `recipientId`.
 *
 * The reminder sweep (functions/jobs/reminder-sweep.ts) reads the due index, and for each due
 * reminder writes ONE transaction: delete the reminder (condition: still there with the same
 * due time) + an audit/outbox record of the entity carrying `event`. A second run, a retried
 * batch or a reminder moved in between fails the condition and sends nothing twice.
 */

export interface ReminderItem extends ReminderSpec {
  type: 'Reminder';
  pk: string;
  sk: string;
  gsi3pk: string;
  gsi3sk: string;
  entity: AuditedEntity;
  entityId: string;
  entityName: string;
  recipientId: string;
}

/** What the notifier reads from a fired reminder's audit record (its `reminder` change). */
export interface FiredReminder {
  offset: string;
  dueAt: string;
  event: string;
  recipientId: string;
  data?: Record<string, string>;
}

/** The actor of changes the system makes on its own (sweeps). */
export const SYSTEM_ACTOR = { userId: 'system', name: 'Cirrus CRM' } as const;

export function reminderItem(
  entity: AuditedEntity,
  entityId: string,
  entityName: string,
  recipientId: string,
  spec: ReminderSpec,
): ReminderItem {
  return {
    type: 'Reminder',
    ...reminderKeys.reminder(entity, entityId, spec.offset),
    ...(reminderIndexKeys({ entity, entityId, offset: spec.offset, dueAt: spec.dueAt }) as {
      gsi3pk: string;
      gsi3sk: string;
    }),
    ...spec,
    entity,
    entityId,
    entityName,
    recipientId,
  };
}

/** Puts (creates or moves) reminders of an entity; use inside the entity's transaction. */
export function putReminders(
  entity: AuditedEntity,
  entityId: string,
  entityName: string,
  recipientId: string,
  specs: readonly ReminderSpec[],
): TransactItem[] {
  return specs.map((spec) => ({
    Put: { TableName: tableName(), Item: reminderItem(entity, entityId, entityName, recipientId, spec) },
  }));
}

/** Deletes reminders of an entity by offset (absent ones are no-ops); use inside the entity's transaction. */
export function clearReminders(entity: AuditedEntity, entityId: string, offsets: readonly string[]): TransactItem[] {
  return offsets.map((offset) => ({
    Delete: { TableName: tableName(), Key: reminderKeys.reminder(entity, entityId, offset) },
  }));
}

/**
 * The reminder writes that take an entity from `before` to `after` (at most one operation per
 * reminder key, as a transaction requires). Unchanged reminders (same offset, due time, event)
 * are left alone unless the recipient or name changed.
 */
export function replaceReminders(
  entity: AuditedEntity,
  entityId: string,
  before: readonly ReminderSpec[],
  after: readonly ReminderSpec[],
  recipientId: string,
  entityName: string,
  changed: { recipientOrName: boolean } = { recipientOrName: false },
): TransactItem[] {
  const next = new Map(after.map((s) => [s.offset, s]));
  const dropped = before.filter((s) => !next.has(s.offset)).map((s) => s.offset);
  const prior = new Map(before.map((s) => [s.offset, s]));
  const moved = after.filter((s) => {
    const old = prior.get(s.offset);
    return (
      !old ||
      old.dueAt !== s.dueAt ||
      old.event !== s.event ||
      JSON.stringify(old.data ?? {}) !== JSON.stringify(s.data ?? {}) ||
      changed.recipientOrName
    );
  });
  return [
    ...clearReminders(entity, entityId, dropped),
    ...putReminders(entity, entityId, entityName, recipientId, moved),
  ];
}

/** Only reminders still ahead of `now`: a contract signed 5 days before its end gets no "30 days left". */
export function upcoming(specs: readonly ReminderSpec[], now: Date): ReminderSpec[] {
  return specs.filter((s) => new Date(s.dueAt).getTime() > now.getTime());
}

/**
 * Fires one due reminder: deletes it (if it is still there with this due time) and writes the
 * entity's audit/outbox record announcing `event`, in one transaction. Returns false when the
 * reminder was already fired, moved or cleared (nothing is written then).
 */
export async function fireReminder(reminder: ReminderItem, now: Date): Promise<boolean> {
  const fired: FiredReminder = {
    offset: reminder.offset,
    dueAt: reminder.dueAt,
    event: reminder.event,
    recipientId: reminder.recipientId,
    ...(reminder.data ? { data: reminder.data } : {}),
  };
  const audit = auditRecord({
    kind: reminder.entity,
    entityId: reminder.entityId,
    entityName: reminder.entityName,
    action: 'updated',
    actor: SYSTEM_ACTOR,
    changes: [{ field: 'reminder', before: null, after: fired }],
    at: now.toISOString(),
    events: [reminder.event],
  });
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: { pk: reminder.pk, sk: reminder.sk },
        ConditionExpression: 'attribute_exists(pk) AND dueAt = :dueAt',
        ExpressionAttributeValues: { ':dueAt': reminder.dueAt },
      },
    },
    putAudit(audit),
  ];
  try {
    await transactWrite(items, () => new AppError('conflict', 'reminder.already_fired', 'Reminder already fired'));
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'reminder.already_fired') return false;
    throw error;
  }
}

/** The fired reminder a domain event's changes carry, if any. */
export function firedReminderOf(changes: readonly { field: string; after: unknown }[]): FiredReminder | undefined {
  const change = changes.find((c) => c.field === 'reminder');
  const after = change?.after as Partial<FiredReminder> | undefined;
  if (!after || typeof after.recipientId !== 'string' || typeof after.event !== 'string') return undefined;
  return after as FiredReminder;
}
