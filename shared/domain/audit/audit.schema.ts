import { isIsoDateOrDateTime, toInstant } from '../common/dates.js';
import { id, pageQuery } from '../common/fields.js';
import * as z from '../common/zod.js';
import { AUDIT_ACTIONS, fieldChange } from '../customers/timeline.schema.js';

/**
 * The audit log: every change anyone made (records and configuration), who made it, when, and
 * each field's before and after. Read-only: audit records are never changed or removed.
 */

/** What has an audit trail; custom-field definitions are configuration, audited like records. */
export const AUDIT_ENTITIES = [
  'contact',
  'company',
  'customField',
  'user',
  'team',
  'pipeline',
  'deal',
  'leadPool',
  'product',
  'quote',
  'quota',
  'contract',
  'task',
  'activity',
  'job',
  'businessCalendar',
  'slaPolicy',
] as const;
export const auditEntity = z.enum(AUDIT_ENTITIES);
export type AuditEntity = z.infer<typeof auditEntity>;

/** A record id, or a custom field's `<entity>.<key>`. */
const auditEntityId = z.string().check(z.regex(/^[0-9A-Za-z_.-]{1,128}$/, 'Must be a record id'));

const DATE_HINT = 'Must be an ISO date (2026-03-01) or date-time with a zone (2026-03-01T09:30:00+08:00)';

/** A range bound; a bare date covers its whole (UTC) day. */
const instant = (edge: 'start' | 'end') =>
  z.pipe(
    z.string().check(z.refine(isIsoDateOrDateTime, DATE_HINT)),
    z.transform((value: string) => toInstant(value, edge)),
  );

/** The filters of GET /api/audit and /api/audit/export. */
const filters = {
  actorId: z.optional(id),
  entity: z.optional(auditEntity),
  /** Narrows to one record; needs `entity`, since ids are unique per entity only. */
  entityId: z.optional(auditEntityId),
  action: z.optional(z.enum(AUDIT_ACTIONS)),
  from: z.optional(instant('start')),
  to: z.optional(instant('end')),
};

interface FilterValues {
  entity?: string;
  entityId?: string;
  from?: string;
  to?: string;
}

/** What single fields cannot say: a record id needs its entity, a range must not run backwards. */
const consistentFilters = z.superRefine((query: FilterValues, ctx) => {
  if (query.entityId && !query.entity) {
    ctx.addIssue({ code: 'custom', path: ['entityId'], message: 'Needs entity (contact, company or customField)' });
  }
  if (query.from && query.to && query.from > query.to) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: 'Must not be before from' });
  }
});

/** Query of GET /api/audit: newest first, cursor-paginated. */
export const auditListQuery = z.strictObject({ ...filters, ...pageQuery }).check(consistentFilters);
export type AuditListQuery = z.infer<typeof auditListQuery>;

/** Query of GET /api/audit/export: the same filters, no paging (the export is bounded instead). */
export const auditExportQuery = z.strictObject(filters).check(consistentFilters);
export type AuditFilters = z.infer<typeof auditExportQuery>;

/** One change in the audit log, as the API returns it. */
export const auditEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  entity: auditEntity,
  entityId: z.string(),
  entityName: z.string(),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.array(fieldChange),
});
export type AuditEntry = z.infer<typeof auditEntry>;
