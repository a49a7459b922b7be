import { csvLine } from '../common/csv.js';
import type { AuditEntry } from './audit.schema.js';

/**
 * The audit log as spreadsheet rows: one row per changed field (before and after side by side),
 * or one row for a change that lists no field.
 */
export const AUDIT_CSV_HEADER = csvLine([
  'Time (UTC)',
  'Actor ID',
  'Actor',
  'Entity',
  'Record ID',
  'Record',
  'Action',
  'Field',
  'Before',
  'After',
]);

export function auditCsvLines(entry: AuditEntry): string[] {
  const head = [
    entry.at,
    entry.actor.id,
    entry.actor.name,
    entry.entity,
    entry.entityId,
    entry.entityName,
    entry.action,
  ];
  if (entry.changes.length === 0) return [csvLine([...head, '', '', ''])];
  return entry.changes.map((change) => csvLine([...head, change.field, change.before, change.after]));
}
