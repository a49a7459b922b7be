import * as z from '../common/zod.js';

/** One entry of a record's history, read from the audit trail. */
export const fieldChange = z.object({ field: z.string(), before: z.unknown(), after: z.unknown() });
export type FieldChange = z.infer<typeof fieldChange>;

export const AUDIT_ACTIONS = ['created', 'updated', 'deleted', 'restored', 'purged'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const timelineEntry = z.object({
  id: z.string(),
  at: z.string(),
  actor: z.object({ id: z.string(), name: z.string() }),
  action: z.enum(AUDIT_ACTIONS),
  changes: z.array(fieldChange),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;
