import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { getCalendar } from '../../db/business-calendars.repository.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import {
  deleteSlaPolicy,
  getSlaPolicy,
  listSlaPolicies,
  MAX_POLICIES,
  type SlaPolicyChange,
  writeSlaPolicies,
} from '../../db/sla-policies.repository.js';
import { getTeam } from '../../db/teams.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import type { SlaPolicy, SlaPolicyCreate, SlaPolicyPatch } from '../../domain/service/sla-policy.schema.js';

/**
 * SLA policies (admins): conditions, the calendar the clocks run on, targets per priority and
 * what happens at a breach. Evaluated in `position` order, the first match applies; a new policy
 * goes last. Each change writes the policy on its version with an audit record.
 */

export const slaPolicies = async () => ({ items: await listSlaPolicies() });

export async function slaPolicyOrThrow(id: string): Promise<SlaPolicy> {
  const policy = await getSlaPolicy(id);
  if (!policy) throw notFound('slaPolicy');
  return policy;
}

/** The calendar and the breach team a policy names must exist: a 400 naming the field otherwise. */
async function checkReferences(policy: Pick<SlaPolicy, 'calendarId' | 'breachActions'>): Promise<void> {
  const [calendar, team] = await Promise.all([
    policy.calendarId ? getCalendar(policy.calendarId) : undefined,
    policy.breachActions.moveToTeamId ? getTeam(policy.breachActions.moveToTeamId) : undefined,
  ]);
  const errors: Record<string, string> = {};
  if (policy.calendarId && !calendar) errors.calendarId = 'Unknown business calendar';
  if (policy.breachActions.moveToTeamId && !team) errors['breachActions.moveToTeamId'] = 'Unknown team';
  if (Object.keys(errors).length) throw invalid(errors);
}

const policyAudit = (
  policy: SlaPolicy,
  action: 'created' | 'updated' | 'deleted',
  principal: Principal,
  changes: ReturnType<typeof diffRecords>,
  at: string,
) =>
  auditRecord({
    kind: 'slaPolicy',
    entityId: policy.id,
    entityName: policy.name,
    action,
    actor: principal,
    changes,
    at,
  });

export async function createSlaPolicy(
  input: SlaPolicyCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  clock: Clock = systemClock,
): Promise<{ status: number; body: SlaPolicy }> {
  const again = await replayed<SlaPolicy>(idempotency);
  if (again) return again;
  await checkReferences(input);
  const existing = await listSlaPolicies();
  if (existing.length >= MAX_POLICIES) throw invalid({ name: `At most ${MAX_POLICIES} policies` });
  const now = clock.now();
  const at = now.toISOString();
  const position = existing.reduce((last, p) => Math.max(last, p.position + 1), 0);
  const policy: SlaPolicy = { id: randomUUID(), ...input, position, version: 1, createdAt: at, updatedAt: at };
  const audit = policyAudit(policy, 'created', principal, diffRecords(undefined, policy), at);
  await writeSlaPolicies(
    [{ before: undefined, after: policy, audit }],
    storeAnswer(idempotency, 201, policy, now.getTime()),
  );
  return { status: 201, body: policy };
}

/**
 * Changes a policy on its version. A new `position` moves it to that place in the evaluation
 * order (0 is first): the policies in between shift by one, each rewritten on its own version
 * with its audit record, in the same transaction, so the order never has gaps or ties.
 */
export async function updateSlaPolicy(
  id: string,
  patch: Omit<SlaPolicyPatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<SlaPolicy> {
  const all = await listSlaPolicies();
  const before = all.find((p) => p.id === id) ?? (await slaPolicyOrThrow(id));
  if (before.version !== version) throw staleVersion('slaPolicy');
  const at = clock.now().toISOString();
  const after: SlaPolicy = { ...before, ...patch, version: before.version + 1, updatedAt: at };
  if (after.calendarId === null) delete after.calendarId;
  await checkReferences(after);
  const order = all.filter((p) => p.id !== id);
  order.splice(Math.min(patch.position ?? before.position, order.length), 0, after);
  const changes: SlaPolicyChange[] = [];
  order.forEach((policy, position) => {
    if (policy === after) {
      const moved = { ...after, position };
      const diff = diffRecords(before, moved).filter((c) => c.field !== 'version' && c.field !== 'updatedAt');
      if (diff.length)
        changes.push({ before, after: moved, audit: policyAudit(moved, 'updated', principal, diff, at) });
    } else if (policy.position !== position) {
      const shifted = { ...policy, position, version: policy.version + 1, updatedAt: at };
      const diff = diffRecords(policy, shifted).filter((c) => c.field === 'position');
      changes.push({ before: policy, after: shifted, audit: policyAudit(shifted, 'updated', principal, diff, at) });
    }
  });
  if (changes.length === 0) return before;
  await writeSlaPolicies(changes);
  return changes.find((c) => c.after.id === id)?.after ?? before;
}

export async function removeSlaPolicy(id: string, principal: Principal, clock: Clock = systemClock): Promise<void> {
  const before = await slaPolicyOrThrow(id);
  const at = clock.now().toISOString();
  await deleteSlaPolicy(before, policyAudit(before, 'deleted', principal, diffRecords(before, undefined), at));
}
