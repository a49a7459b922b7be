import { type AuditRecord, listAuditRecords } from '../../db/audit.js';
import type { AuditEntry, AuditFilters } from '../../domain/audit/audit.schema.js';
import type { Page } from '../../domain/common/fields.js';

/** Reading the audit log (the Query each filter needs is the repository's: listAuditRecords). */

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
  const out = await listAuditRecords(query, page);
  return { items: out.items.map(toAuditEntry), nextCursor: out.nextCursor };
}
