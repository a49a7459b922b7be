import { type LeadContact, leadFollowUpTouch } from '../../shared/db/leads.repository.js';
import type { TransactItem } from '../../shared/db/transact.js';
import type { ActivityEntity } from '../../shared/domain/work/activity.schema.js';

/**
 * Logging an activity on a contact resets the lead follow-up timer of that contact (the leads
 * context's hook, written in the activity's transaction); it adds nothing for a contact that is
 * not an owned lead, nor for companies and deals. The clock restarts when the work is logged.
 */
export function followUpTouch(
  entity: ActivityEntity,
  record: Record<string, unknown>,
  loggedAt: string,
): TransactItem[] {
  if (entity !== 'contact') return [];
  return leadFollowUpTouch(record as unknown as LeadContact, loggedAt);
}
