import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord, putAudit } from '../../db/audit.js';
import type { StoredRecord } from '../../db/customer-records.repository.js';
import { isPoolOwner, NO_TEAM, poolOwnerId, teamKeyOf } from '../../db/keys.leads.js';
import { type TransactItem, transactWrite } from '../../db/kit.js';
import {
  deleteLeadState,
  holdOne,
  type LeadState,
  loadLeadContext,
  releaseOne,
  replaceLeadState,
} from '../../db/leads.repository.js';
import { moveRecordItem } from '../../db/reassignments.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, notFound, staleVersion } from '../../domain/common/errors.js';
import type { LeadRules } from '../../domain/leads/lead.schema.js';
import { claimVerdict, cooldownUntil, liveCooldowns } from '../../domain/leads/lead-rules.js';
import { assignedTeam } from '../../domain/teams/team.schema.js';

/**
 * The public lead pool (公海): claim a pooled lead, release an owned one, and return a lead whose
 * follow-up is overdue (the sweep). Each is one transaction of the contact (conditioned on its
 * version), its lead state (conditioned on its version), the claimer's counter where it changes
 * and the contact's audit record (an ownerId change: `contact.assigned`, plus `lead.*`).
 */

export interface Actor {
  userId: string;
  name: string;
}

/** Whose pool a principal may see and claim from: their teams' pools and the shared one; admins all. */
export function mayUsePool(principal: Principal, teamKey: string): boolean {
  if (teamKey === NO_TEAM) return true;
  return recordScopeOf(principal).kind === 'all' || principal.teamIds.includes(teamKey);
}

/** The team key a pooled contact belongs to (from its sentinel owner). */
export function poolTeamKey(contact: StoredRecord): string {
  return contact.ownerId.slice('POOL_'.length);
}

const claimLimitError = (held: number, limit: number) =>
  new AppError(
    'conflict',
    'leadPool.claim_limit',
    `You already hold ${held} leads from the pool, your team's limit is ${limit}: release or convert one first`,
  );

const cooldownError = (until: string) =>
  new AppError(
    'forbidden',
    'leadPool.cooldown',
    `You gave this lead up recently; you can claim it again from ${until.slice(0, 10)}`,
  );

const alreadyClaimed = () =>
  new AppError('conflict', 'leadPool.already_claimed', 'This lead is no longer in the pool: it was claimed first');

/** Moves a pooled lead to `principal`: enforces their cooldown on it and their claim limit, atomically. */
export async function claimLead(id: string, principal: Principal, now = new Date()): Promise<StoredRecord> {
  const at = now.toISOString();
  const first = await loadLeadContext(id, NO_TEAM, principal.userId, principal.teamIds);
  const contact = first.contact;
  // A lead outside the pools the caller may use answers as one that does not exist.
  if (!contact || contact.deletedAt) throw notFound('contact');
  // Not (or no longer) in the pool: only its owner learns it exists; anyone else sees a 404.
  if (!isPoolOwner(contact.ownerId)) {
    if (contact.ownerId === principal.userId) throw alreadyClaimed();
    throw notFound('contact');
  }
  const teamKey = poolTeamKey(contact);
  if (!mayUsePool(principal, teamKey)) throw notFound('contact');
  // The pool's rules came with the first read unless an admin claims from a team not theirs.
  const known = first.rulesByTeam.get(teamKey);
  const { state, held, rules } = known
    ? { ...first, rules: known }
    : await loadLeadContext(id, teamKey, principal.userId);
  const cooldowns = liveCooldowns(state?.cooldowns, at);
  const verdict = claimVerdict({ userId: principal.userId, now: at, cooldowns, held, limit: rules.claimLimit });
  if (!verdict.ok)
    throw verdict.reason === 'cooldown' ? cooldownError(verdict.until) : claimLimitError(held, rules.claimLimit);

  const teamId = assignedTeam(principal.teamIds, [teamKey === NO_TEAM ? undefined : teamKey]);
  const { teamId: _pooledTeam, ...rest } = contact;
  const after: StoredRecord = {
    ...rest,
    ownerId: principal.userId,
    ...(teamId ? { teamId } : {}),
    updatedAt: at,
    version: contact.version + 1,
  };
  const nextState: LeadState = {
    contactId: id,
    status: 'owned',
    ownerId: principal.userId,
    ...(teamId ? { teamId } : {}),
    lastFollowUpAt: at,
    cooldowns,
    counted: true,
    version: (state?.version ?? 0) + 1,
  };
  const audit = auditRecord({
    kind: 'contact',
    entityId: id,
    entityName: contact.name,
    action: 'updated',
    actor: principal,
    changes: ownerChanges(contact, after),
    at,
    events: ['lead.claimed'],
  });
  try {
    await writeMove(contact, after, audit, [
      replaceLeadState(state, nextState),
      holdOne(principal.userId, rules.claimLimit),
    ]);
  } catch (error) {
    throw await explainFailedClaim(error, id, teamKey, principal.userId, rules);
  }
  return after;
}

/** A claim lost a race: say why (someone else won, or the limit was reached meanwhile). */
async function explainFailedClaim(
  error: unknown,
  id: string,
  teamKey: string,
  userId: string,
  rules: LeadRules,
): Promise<unknown> {
  if (!(error instanceof AppError) || error.kind !== 'conflict') return error;
  const now = await loadLeadContext(id, teamKey, userId);
  if (!now.contact || !isPoolOwner(now.contact.ownerId)) return alreadyClaimed();
  if (now.held >= rules.claimLimit) return claimLimitError(now.held, rules.claimLimit);
  return error;
}

/** Only ownership moves in the pool: the owner, and the team when it follows the new owner. */
const ownerChanges = (before: StoredRecord, after: StoredRecord) => diffRecords(before, after);

/**
 * One transaction: the contact's move (an UpdateItem of its owner, team and their index keys,
 * conditioned on the version read and on it being live), its audit record and `extra`. Any
 * failed condition is a 409 the caller may explain.
 */
async function writeMove(
  before: StoredRecord,
  after: StoredRecord,
  audit: ReturnType<typeof auditRecord>,
  extra: TransactItem[],
): Promise<void> {
  const move = moveRecordItem('contact', before, {
    ownerId: after.ownerId,
    ...(after.teamId ? { teamId: after.teamId } : {}),
    updatedAt: after.updatedAt,
  });
  await transactWrite([move, putAudit(audit), ...extra], () => staleVersion('contact'));
}

/**
 * The transaction items that put an owned lead into its team's pool: the contact (owner → the
 * pool's sentinel), the lead state (status pool, the owner's cooldown, out of the due index),
 * the owner's counter when the lead counted toward their limit, and the audit record.
 */
export function toPoolWrite(input: {
  contact: StoredRecord;
  state: LeadState | undefined;
  rules: LeadRules;
  actor: Actor;
  at: string;
  event: 'lead.released' | 'lead.returned';
  /** Extra condition on the lead state as read (the sweep's last follow-up). */
  stateCondition?: string;
}): { after: StoredRecord; items: TransactItem[]; audit: ReturnType<typeof auditRecord> } {
  const { contact, state, rules, at } = input;
  const formerOwner = contact.ownerId;
  const after: StoredRecord = {
    ...contact,
    ownerId: poolOwnerId(contact.teamId),
    updatedAt: at,
    version: contact.version + 1,
  };
  const cooldowns = liveCooldowns(state?.cooldowns, at);
  if (rules.cooldownDays > 0) cooldowns[formerOwner] = cooldownUntil(at, rules.cooldownDays);
  const nextState: LeadState = {
    contactId: contact.id,
    status: 'pool',
    ...(contact.teamId ? { teamId: contact.teamId } : {}),
    pooledAt: at,
    cooldowns,
    version: (state?.version ?? 0) + 1,
  };
  const stateItem = replaceLeadState(state, nextState);
  if (input.stateCondition && stateItem.Put) {
    stateItem.Put.ConditionExpression = `${stateItem.Put.ConditionExpression} AND ${input.stateCondition}`;
  }
  const items = [stateItem];
  if (state?.counted && state.ownerId) items.push(releaseOne(state.ownerId));
  const audit = auditRecord({
    kind: 'contact',
    entityId: contact.id,
    entityName: contact.name,
    action: 'updated',
    actor: input.actor,
    changes: ownerChanges(contact, after),
    at,
    events: [input.event],
  });
  return { after, items, audit };
}

/** An owner (or their manager, or an admin) gives a lead back to its team's pool. */
export async function releaseLead(id: string, principal: Principal, now = new Date()): Promise<StoredRecord> {
  const at = now.toISOString();
  const first = await loadLeadContext(id, NO_TEAM, undefined, principal.teamIds);
  const contact = first.contact;
  if (!contact || contact.deletedAt || isPoolOwner(contact.ownerId) || !inScope(recordScopeOf(principal), contact))
    throw notFound('contact');
  if (contact.lifecycleStage !== 'lead') {
    throw new AppError('conflict', 'leadPool.not_a_lead', 'Only a contact in the lead stage can go to the pool', {
      lifecycleStage: 'Must be lead',
    });
  }
  const teamKey = teamKeyOf(contact.teamId);
  const { state, rules } = first.rulesByTeam.has(teamKey)
    ? { ...first, rules: first.rulesByTeam.get(teamKey)! }
    : await loadLeadContext(id, teamKey);
  const write = toPoolWrite({ contact, state, rules, actor: principal, at, event: 'lead.released' });
  await writeMove(contact, write.after, write.audit, write.items);
  return write.after;
}

export type ReturnOutcome = 'returned' | 'untracked' | 'reanchored' | 'skipped';

/**
 * The sweep's step for one due lead state (as read from the due index). Returns it to the pool
 * only if it is still an owned lead of the same owner, last followed up exactly when the index
 * said (a follow-up since, or a second run, changes nothing). A lead that stopped being an owned
 * lead stops being tracked; one reassigned by hand starts a fresh follow-up clock.
 */
export async function returnDueLead(
  due: { contactId: string; lastFollowUpAt: string; ownerId?: string; version: number },
  teamKey: string,
  rules: LeadRules,
  actor: Actor,
  now: Date,
): Promise<ReturnOutcome> {
  const at = now.toISOString();
  const { contact, state } = await loadLeadContext(due.contactId, teamKey);
  if (state?.status !== 'owned' || state.lastFollowUpAt !== due.lastFollowUpAt) return 'skipped';
  const quiet = () => new AppError('conflict', 'leadPool.changed', 'changed meanwhile');
  if (!contact || contact.deletedAt || contact.lifecycleStage !== 'lead' || isPoolOwner(contact.ownerId)) {
    const items = [deleteLeadState(state)];
    if (state.counted && state.ownerId) items.push(releaseOne(state.ownerId));
    return (await tryWrite(() => transactWrite(items, quiet))) ? 'untracked' : 'skipped';
  }
  if (contact.ownerId !== state.ownerId || teamKeyOf(contact.teamId) !== teamKey) {
    const items: TransactItem[] = [];
    if (state.counted && state.ownerId) items.push(releaseOne(state.ownerId));
    const { counted: _c, ...keep } = state;
    items.push(
      replaceLeadState(state, {
        ...keep,
        ownerId: contact.ownerId,
        ...(contact.teamId ? { teamId: contact.teamId } : {}),
        lastFollowUpAt: at,
        version: state.version + 1,
      }),
    );
    return (await tryWrite(() => transactWrite(items, quiet))) ? 'reanchored' : 'skipped';
  }
  const write = toPoolWrite({
    contact,
    state,
    rules,
    actor,
    at,
    event: 'lead.returned',
    stateCondition: '#status = :owned AND lastFollowUpAt = :read',
  });
  const put = write.items[0]!.Put!;
  put.ExpressionAttributeNames = { ...(put.ExpressionAttributeNames ?? {}), '#status': 'status' };
  put.ExpressionAttributeValues = {
    ...(put.ExpressionAttributeValues ?? {}),
    ':owned': 'owned',
    ':read': due.lastFollowUpAt,
  };
  return (await tryWrite(() => writeMove(contact, write.after, write.audit, write.items))) ? 'returned' : 'skipped';
}

/** A conditional write that lost to a concurrent change: the lead is left as it now is. */
async function tryWrite(write: () => Promise<void>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'conflict') return false;
    throw error;
  }
}
