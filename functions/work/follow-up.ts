import type { Principal } from '../../shared/auth/principal.js';
import type { TransactItem } from '../../shared/db/transact.js';
import type { ActivityEntity } from '../../shared/domain/work/activity.schema.js';

/**
 * Logging an activity on a contact resets the lead follow-up timer of that contact (the leads
 * context's hook, written in the activity's transaction). Until the hook exists this adds nothing.
 */
export function followUpTouch(
  entity: ActivityEntity,
  _record: Record<string, unknown>,
  _occurredAt: string,
  _principal: Principal,
): TransactItem[] {
  if (entity !== 'contact') return [];
  return [];
}
