import type { AuditFilters } from '../../domain/audit/audit.schema.js';
import { AUDIT_CSV_HEADER, auditCsvLines } from '../../domain/audit/audit-csv.js';
import { UTF8_BOM } from '../../domain/common/csv.js';
import { listAuditLog } from './audit-log.js';

/**
 * The audit log as a CSV download. An export is bounded like any request: at most
 * EXPORT_MAX_ROWS rows, EXPORT_MAX_BYTES bytes (a Lambda answer holds 6 MB) and EXPORT_MAX_PAGES
 * page reads (each at most two Queries). It is built page by page, newest first; when a bound
 * stops it early, `truncated` says so and the user narrows the filters.
 */
export const EXPORT_MAX_ROWS = 5000;
export const EXPORT_MAX_BYTES = 5_000_000;
export const EXPORT_MAX_PAGES = 20;
const EXPORT_PAGE_SIZE = 500;

export interface AuditExport {
  filename: string;
  csv: string;
  rows: number;
  truncated: boolean;
}

export async function exportAuditLog(
  filters: AuditFilters,
  now: Date = new Date(),
  limits = { rows: EXPORT_MAX_ROWS, bytes: EXPORT_MAX_BYTES, pages: EXPORT_MAX_PAGES, pageSize: EXPORT_PAGE_SIZE },
): Promise<AuditExport> {
  const parts = [UTF8_BOM, AUDIT_CSV_HEADER];
  let bytes = Buffer.byteLength(AUDIT_CSV_HEADER);
  let rows = 0;
  let cursor: string | undefined;
  let truncated = false;
  for (let page = 0; page < limits.pages && rows < limits.rows && !truncated; page++) {
    const { items, nextCursor } = await listAuditLog(filters, { cursor, limit: limits.pageSize });
    for (const line of items.flatMap(auditCsvLines)) {
      const size = Buffer.byteLength(line);
      truncated = rows === limits.rows || bytes + size > limits.bytes;
      if (truncated) break;
      parts.push(line);
      rows += 1;
      bytes += size;
    }
    cursor = nextCursor ?? undefined;
    if (!cursor) break;
  }
  // Stopped by a bound with more left to read: cut short as well.
  truncated ||= cursor !== undefined;
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
  return { filename: `cirrus-audit-log-${stamp}.csv`, csv: parts.join(''), rows, truncated };
}
