import type { AuditRecord } from '../../db/audit.js';
import {
  auditActorSource,
  auditEntitySource,
  auditLogSource,
  auditSource,
  auditTimeRange,
  type ListSource,
} from '../../db/keys.js';
import { type Filter, queryPage } from '../../db/query.js';
import type { AuditEntry, AuditFilters } from '../../domain/audit/audit.schema.js';
import type { Page } from '../../domain/common/fields.js';

/**
 * Reading the audit log. Every filter but the action is served by a key: a record by its audit
 * partition, an actor by gsi4, an entity type by gsi3, everything by gsi1, and a time range by
 * the sort key of whichever it is. Newest first, always.
 */

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

/** An audit record as the API shows it: no keys, no outbox bookkeeping. */
export function toAuditEntry(record: AuditRecord): AuditEntry {
  return {
    id: record.id,
    at: record.at,
    actor: { id: record.actor.id, name: record.actor.name },
    entity: record.entity,
    entityId: record.entityId,
    entityName: record.entityName,
    action: record.action,
    changes: record.changes,
  };
}

/** One page of the audit log, newest first. */
export async function listAuditLog(
  query: AuditFilters,
  page: { cursor?: string; limit: number },
): Promise<Page<AuditEntry>> {
  const plan = planAuditQuery(query);
  const out = await queryPage<AuditRecord & Record<string, unknown>>(plan.source, {
    ...page,
    forward: false,
    filters: plan.filters,
  });
  return { items: out.items.map(toAuditEntry), nextCursor: out.nextCursor };
}
