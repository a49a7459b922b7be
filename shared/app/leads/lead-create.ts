import { randomUUID } from 'node:crypto';
import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { createRecord, type StoredRecord } from '../../db/customer-records.repository.js';
import { type IdempotencyRequest, replayed } from '../../db/idempotency.js';
import { NO_TEAM, poolOwnerId, teamKeyOf } from '../../db/keys.leads.js';
import { type LeadState, loadCreateContext, nextTurn, putLeadState } from '../../db/leads.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid } from '../../domain/common/errors.js';
import { finalizeRecord } from '../../domain/customers/records.js';
import type { LeadCreate, LeadRules } from '../../domain/leads/lead.schema.js';
import { mappedAssignee, rotationOf, roundRobinPick } from '../../domain/leads/lead-rules.js';

/**
 * A new lead (from an import, a form or the API) assigned by its team's rules: a mapped rep for
 * its region or source, else the rep whose round-robin turn it is (an atomic counter), else the
 * team's pool. Or straight into the pool. The contact, its lead state (its follow-up clock, or
 * its place in the pool) and its audit record are one transaction; the owner gets the usual
 * assignment e-mail from the `contact.assigned` event.
 */

/** Who a lead goes to under `rules`: a mapped rep, the rep in turn, or nobody (the pool). */
export async function assigneeByRules(
  rules: LeadRules,
  lead: { country?: string; source?: string },
  memberIds: readonly string[],
  turn: () => Promise<number>,
): Promise<string | undefined> {
  const mapped = mappedAssignee(rules, lead, memberIds);
  if (mapped) return mapped;
  const rotation = rotationOf(rules, memberIds);
  return rotation.length ? roundRobinPick(rotation, await turn()) : undefined;
}

function checkTeamAccess(principal: Principal, input: LeadCreate): void {
  const scope = recordScopeOf(principal);
  if (scope.kind === 'owner' && input.assign === 'rules') {
    throw new AppError('forbidden', 'lead.assign_forbidden', 'Your role can add leads to the pool, not assign them', {
      assign: 'Use pool',
    });
  }
  if (scope.kind !== 'all' && input.teamId && !principal.teamIds.includes(input.teamId)) {
    throw new AppError('forbidden', 'lead.team_forbidden', 'You can only add leads to your own teams', {
      teamId: 'Not one of your teams',
    });
  }
}

export async function createLead(
  input: LeadCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  now = new Date(),
): Promise<{ status: number; body: StoredRecord }> {
  const again = await replayed<StoredRecord>(idempotency);
  if (again) return again;
  checkTeamAccess(principal, input);
  const teamId = input.teamId ?? (recordScopeOf(principal).kind === 'all' ? undefined : principal.teamIds[0]);
  const teamKey = teamKeyOf(teamId);
  const { team, rules, company } = await loadCreateContext(teamId, input.companyId);
  const errors: Record<string, string> = {};
  if (teamId && !team) errors.teamId = 'Unknown team';
  if (input.companyId && (!company || company.deletedAt)) errors.companyId = 'Unknown company';
  if (Object.keys(errors).length) throw invalid(errors);

  const owner =
    input.assign === 'rules' && teamKey !== NO_TEAM
      ? await assigneeByRules(rules, { country: input.address?.country, source: input.source }, team!.memberIds, () =>
          nextTurn(teamKey),
        )
      : undefined;
  const at = now.toISOString();
  const { teamId: _team, assign: _assign, ...fields } = input;
  const record = finalizeRecord(
    {
      tags: [],
      customFields: {},
      marketingConsent: false,
      ...fields,
      ...(company ? { companyName: company.name } : {}),
      lifecycleStage: 'lead',
      id: randomUUID(),
      ownerId: owner ?? poolOwnerId(teamId),
      ...(teamId ? { teamId } : {}),
      createdAt: at,
      updatedAt: at,
      version: 1,
    },
    { now: at, defs: [] },
  ) as StoredRecord;
  const state: LeadState = owner
    ? { contactId: record.id, status: 'owned', ownerId: owner, teamId, lastFollowUpAt: at, version: 1 }
    : { contactId: record.id, status: 'pool', teamId, pooledAt: at, cooldowns: {}, version: 1 };
  const audit = auditRecord({
    kind: 'contact',
    entityId: record.id,
    entityName: record.name,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, record),
    at,
    events: [owner ? 'lead.assigned' : 'lead.pooled'],
  });
  await createRecord(
    'contact',
    record,
    audit,
    idempotency && { request: idempotency, status: 201, nowMs: now.getTime() },
    [putLeadState(state, {})],
  );
  return { status: 201, body: record };
}
