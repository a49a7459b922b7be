import { isIsoDateOrDateTime } from '../common/dates.js';
import { id, pageQuery, text } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Activities: what happened with a customer (a note, a call, a meeting, an e-mail), logged on a
 * contact, company or deal by the person who did it. They appear in the record's timeline with
 * its audited changes. Events: activity.created, activity.updated, activity.deleted.
 */

export const ACTIVITY_KINDS = ['note', 'call', 'meeting', 'email'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_ENTITIES = ['contact', 'company', 'deal'] as const;
export type ActivityEntity = (typeof ACTIVITY_ENTITIES)[number];
export const ACTIVITY_OUTCOMES = [
  'connected',
  'left_voicemail',
  'no_answer',
  'completed',
  'rescheduled',
  'no_show',
  'sent',
  'replied',
] as const;

const occurredAt = z.string().check(
  z.refine((v) => v.includes('T') && isIsoDateOrDateTime(v), {
    message: 'Must be a date-time with a zone, e.g. 2026-03-01T09:30:00+08:00',
  }),
);

const duration = z.int().check(z.gte(0, 'At least 0'), z.lte(24 * 60, 'At most 1440 minutes'));

export const activityCreate = z.strictObject({
  kind: z.enum(ACTIVITY_KINDS),
  entity: z.enum(ACTIVITY_ENTITIES),
  entityId: id,
  subject: text(200, 1),
  body: z.optional(text(10_000)),
  /** Default: now. A call logged afterwards gives the time it took place. */
  occurredAt: z.optional(occurredAt),
  /** Calls and meetings only. */
  durationMinutes: z.optional(duration),
  outcome: z.optional(z.enum(ACTIVITY_OUTCOMES)),
});
export type ActivityCreate = z.infer<typeof activityCreate>;

export const activityPatch = z.strictObject({
  subject: z.optional(text(200, 1)),
  body: z.optional(z.nullable(text(10_000))),
  occurredAt: z.optional(occurredAt),
  durationMinutes: z.optional(z.nullable(duration)),
  outcome: z.optional(z.nullable(z.enum(ACTIVITY_OUTCOMES))),
  version: z.optional(z.int().check(z.positive())),
});
export type ActivityPatch = z.infer<typeof activityPatch>;

export const activityListQuery = z.strictObject({
  entity: z.enum(ACTIVITY_ENTITIES),
  id,
  ...pageQuery,
});

export interface Activity {
  id: string;
  kind: ActivityKind;
  entity: ActivityEntity;
  entityId: string;
  entityName: string;
  subject: string;
  body?: string;
  occurredAt: string;
  durationMinutes?: number;
  outcome?: (typeof ACTIVITY_OUTCOMES)[number];
  actor: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** Duration is what a call or meeting took; a note or an e-mail has none. */
export function durationErrors(kind: ActivityKind, durationMinutes: number | null | undefined): Record<string, string> {
  if (durationMinutes != null && kind !== 'call' && kind !== 'meeting') {
    return { durationMinutes: 'Only calls and meetings have a duration' };
  }
  return {};
}
