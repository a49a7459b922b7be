import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal.js';
import type { AuditFilters } from '../domain/audit/audit.schema.js';
import type { Page } from '../domain/common/fields.js';
import type { AuditAction, FieldChange } from '../domain/customers/timeline.schema.js';
import { tableName } from './client.js';
import {
  type AuditIndexKeys,
  auditActorSource,
  auditEntitySource,
  auditIndexKeys,
  auditKeys,
  auditLogSource,
  auditSource,
  auditTimeRange,
} from './keys.audit.js';
import type { AuditedEntity, ListSource } from './keys.core.js';
import type { TransactItem } from './kit.js';
import { type Filter, queryPage } from './query.js';

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

// ---------------------------------------------------------------------------------------------
// Reading the audit log. Every filter but the action is served by a key: a record by its audit
// partition, an actor by gsi4, an entity type by gsi3, everything by gsi1, and a time range by
// the sort key of whichever it is. Newest first, always.

export interface AuditPlan {
  source: ListSource;
  filters: Filter[];
}

/** Chooses the narrowest key for the filters; what it cannot serve becomes a FilterExpression. */
export function planAuditQuery(query: AuditFilters): AuditPlan {
  const filters: Filter[] = [];
  let source: ListSource;
  if (query.entity && query.entityId) {
    source = auditSource(query.entity, query.entityId);
    if (query.actorId) filters.push({ attribute: 'actor.id', op: 'eq', value: query.actorId });
  } else if (query.actorId) {
    // One person's changes are fewer than one entity type's: the actor index reads less.
    source = auditActorSource(query.actorId);
    if (query.entity) filters.push({ attribute: 'entity', op: 'eq', value: query.entity });
  } else if (query.entity) {
    source = auditEntitySource(query.entity);
  } else {
    source = auditLogSource;
  }
  if (query.action) filters.push({ attribute: 'action', op: 'eq', value: query.action });
  const range = auditTimeRange(query.from, query.to);
  return { source: range ? { ...source, skRange: range } : source, filters };
}

/** One page of the audit log, newest first: the one Query planAuditQuery chooses. */
export async function listAuditRecords(
  query: AuditFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<AuditRecord>> {
  const plan = planAuditQuery(query);
  return queryPage<AuditRecord & Record<string, unknown>>(plan.source, {
    ...page,
    forward: false,
    filters: plan.filters,
  });
}
