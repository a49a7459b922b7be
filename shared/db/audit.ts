import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { AuditAction, FieldChange } from '../domain/customers/timeline.schema.js';
import { tableName } from './client.js';
import { type AuditIndexKeys, auditIndexKeys, auditKeys } from './keys.audit.js';
import type { AuditedEntity } from './keys.core.js';
import type { TransactItem } from './kit.js';

/**
 * The audit record of a mutation. It is written in the same transaction as the change, never
 * overwritten (conditional put), and doubles as the outbox entry: the table stream carries it
 * to the outbox relay, which publishes `events` on the event bus. Its index keys place it in
 * the audit log (all, by entity type, by actor; see keys.ts).
 */
export interface AuditRecord extends AuditIndexKeys {
  type: 'Audit';
  pk: string;
  sk: string;
  id: string;
  entity: AuditedEntity;
  entityId: string;
  /** The record's display name when the change was made (for notifications and the audit log). */
  entityName: string;
  action: AuditAction;
  actor: { id: string; name: string };
  changes: FieldChange[];
  /** Domain events this change announces, e.g. contact.updated and contact.assigned. */
  events: string[];
  at: string;
}

export interface AuditInput {
  kind: AuditedEntity;
  entityId: string;
  entityName: string;
  action: AuditAction;
  actor: Pick<Principal, 'userId' | 'name'>;
  changes: FieldChange[];
  at: string;
  /** Domain events beyond `<entity>.<action>` (e.g. deal.stage_changed, deal.won, contract.expiring). */
  events?: string[];
}

export function auditRecord(input: AuditInput): AuditRecord {
  const id = randomUUID();
  const events = [`${input.kind}.${input.action}`];
  if (input.changes.some((c) => c.field === 'ownerId') && input.action !== 'purged')
    events.push(`${input.kind}.assigned`);
  for (const extra of input.events ?? []) if (!events.includes(extra)) events.push(extra);
  return {
    type: 'Audit',
    ...auditKeys.audit(input.kind, input.entityId, input.at, id),
    ...auditIndexKeys({ entity: input.kind, actorId: input.actor.userId, at: input.at, id }),
    id,
    entity: input.kind,
    entityId: input.entityId,
    entityName: input.entityName,
    action: input.action,
    actor: { id: input.actor.userId, name: input.actor.name },
    changes: input.changes,
    events,
    at: input.at,
  };
}

export function putAudit(record: AuditRecord): TransactItem {
  return { Put: { TableName: tableName(), Item: record, ConditionExpression: 'attribute_not_exists(pk)' } };
}
