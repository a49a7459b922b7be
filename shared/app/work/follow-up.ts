import type { TransactItem } from '../../db/kit.js';
import { type LeadContact, leadFollowUpTouch } from '../../db/leads.repository.js';
import type { ActivityEntity } from '../../domain/work/activity.schema.js';

/**
 * Logging an activity on a contact resets the lead follow-up timer of that contact (the leads
 * context's hook, written in the activity's transaction); it adds nothing for a contact that is
 * not an owned lead, nor for companies and deals.
 *
 * The rule of the follow-up clock, as far as activities go:
 * - Only a NEW activity touches it, and it sets it to the moment the activity is logged
 *   (`loggedAt`), not to its `occurredAt`. The clock says when the owner last recorded work on the
 *   lead; a backdated entry ("the call I made last Tuesday") is recorded now, and using its
 *   occurredAt could move the clock backwards and send a lead to the pool early.
 * - Editing an activity (its occurredAt included) never moves the clock: the work was recorded
 *   when it was logged, and an edit is a correction, not new work.
 * - Deleting an activity does not move it back either: the clock may since have been set by a
 *   claim, an assignment or other activities, which the lead state does not keep a history of,
 *   so "back" is not knowable; the deletion stays visible in the audit trail.
 * updateActivity and deleteActivity therefore write no follow-up item (integration-tested).
 */
export function followUpTouch(
  entity: ActivityEntity,
  record: Record<string, unknown>,
  loggedAt: string,
): TransactItem[] {
  if (entity !== 'contact') return [];
  return leadFollowUpTouch(record as unknown as LeadContact, loggedAt);
}
