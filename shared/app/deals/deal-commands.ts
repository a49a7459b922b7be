import { randomUUID } from 'node:crypto';
import { checkOwnerAssignment, teamOnAssignment } from '../../auth/assignment.js';
import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import {
  type DealWriteDependencies,
  getDeal,
  loadDealWriteDependencies,
  writeDeal,
} from '../../db/deals.repository.js';
import { type IdempotencyRequest, replay } from '../../db/idempotency.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import type { FieldChange } from '../../domain/customers/timeline.schema.js';
import type { Deal, DealCreate, DealPatch, DealStageChange } from '../../domain/deals/deal.schema.js';
import {
  enterFirstStage,
  firstStage,
  moveToStage,
  probabilityOf,
  stageEvents,
  stageOrThrow,
} from '../../domain/deals/deal-rules.js';
import { DEFAULT_PIPELINE_ID, type Pipeline } from '../../domain/deals/pipeline.schema.js';
import { pipelineOrThrow } from './pipeline-commands.js';

/**
 * The commands of a deal: create, edit, move to a stage, delete. Each reads what it needs
 * (one BatchGet, plus the pipeline when a stage is involved), applies the pure rules of
 * deal-rules.ts and writes the deal, its audit record and the board totals it moves in one
 * transaction. A deal outside the principal's scope answers 404, like one that does not exist.
 */

export function visibleTo(principal: Principal, deal: Deal): boolean {
  return inScope(recordScopeOf(principal), deal);
}

export async function dealOrThrow(id: string, principal: Principal): Promise<Deal> {
  const deal = await getDeal(id);
  if (!deal || !visibleTo(principal, deal)) throw notFound('deal');
  return deal;
}

/** Checks what the write points at exists and returns the names copied onto the deal. */
function references(
  deps: DealWriteDependencies,
  wants: { ownerId?: string; companyId?: string | null; contactIds?: readonly string[] },
  principal: Principal,
): Partial<Pick<Deal, 'companyName' | 'contacts' | 'ownerName'>> {
  const errors: Record<string, string> = {};
  const out: Partial<Pick<Deal, 'companyName' | 'contacts' | 'ownerName'>> = {};
  if (wants.ownerId) {
    if (deps.owner) out.ownerName = deps.owner.name;
    else if (wants.ownerId === principal.userId) out.ownerName = principal.name;
    else errors.ownerId = 'Unknown user';
  }
  if (wants.companyId) {
    if (!deps.company || deps.company.deletedAt) errors.companyId = 'Unknown company';
    else out.companyName = deps.company.name;
  }
  if (wants.contactIds) {
    const ids = [...new Set(wants.contactIds)];
    const found = ids.map((id) => deps.contacts.find((c) => c.id === id && !c.deletedAt));
    const missing = ids.filter((_, i) => !found[i]);
    if (missing.length) errors.contactIds = `Unknown contact ${missing.join(', ')}`;
    else out.contacts = found.map((c) => ({ id: c!.id, name: c!.name }));
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return out;
}

/** The timeline shows what a person changed; the stage history is shown on its own. */
function visibleChanges(before: Deal | undefined, after: Deal): FieldChange[] {
  return diffRecords(before, after).filter((c) => !c.field.startsWith('stageHistory') && c.field !== 'contacts');
}

export async function createDeal(
  input: DealCreate,
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  clock: Clock = systemClock,
): Promise<{ status: number; body: Deal }> {
  const ownerId = input.ownerId ?? principal.userId;
  checkOwnerAssignment(principal, ownerId, 'deals');
  const pipelineId = input.pipelineId ?? DEFAULT_PIPELINE_ID;
  const deps = await loadDealWriteDependencies({
    pipelineId,
    companyId: input.companyId,
    ownerId,
    contactIds: input.contactIds,
    idempotency,
  });
  if (idempotency && deps.idempotent) return replay(idempotency, deps.idempotent) as { status: number; body: Deal };
  const pipeline: Pipeline = deps.pipeline ?? (await pipelineOrThrow(pipelineId));
  const stage = input.stageId ? stageOrThrow(pipeline, input.stageId) : firstStage(pipeline);
  const names = references(
    deps,
    { ownerId, companyId: input.companyId, contactIds: input.contactIds ?? [] },
    principal,
  );
  const teamId = teamOnAssignment(principal, deps.owner?.teamIds ?? [], undefined, 'deals');
  const now = clock.now().toISOString();
  const { lostReason, probabilityOverride, stageId: _s, pipelineId: _p, contactIds, ...fields } = input;
  const deal: Deal = {
    ...fields,
    ...names,
    contactIds: [...new Set(contactIds ?? [])],
    contacts: names.contacts ?? [],
    pipelineId: pipeline.id,
    ...enterFirstStage(pipeline, stage, { probabilityOverride, lostReason }, now),
    ownerId,
    ...(teamId ? { teamId } : {}),
    id: randomUUID(),
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const audit = auditRecord({
    kind: 'deal',
    entityId: deal.id,
    entityName: deal.name,
    action: 'created',
    actor: principal,
    changes: visibleChanges(undefined, deal),
    at: now,
    events: stage.kind === 'open' ? [] : stageEvents(stage).slice(1),
  });
  const stored = await writeDeal(
    undefined,
    deal,
    audit,
    idempotency && { request: idempotency, status: 201, nowMs: clock.now().getTime() },
  );
  return { status: 201, body: stored };
}

export async function updateDeal(
  id: string,
  patch: Omit<DealPatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Deal> {
  const deps = await loadDealWriteDependencies({
    dealId: id,
    companyId: patch.companyId ?? undefined,
    ownerId: patch.ownerId,
    contactIds: patch.contactIds,
  });
  const before = deps.deal;
  if (!before || !visibleTo(principal, before)) throw notFound('deal');
  if (before.deletedAt) throw new AppError('conflict', 'deal.deleted', 'This deal is deleted');
  if (before.version !== version) throw staleVersion('deal');
  const reassigned = patch.ownerId !== undefined && patch.ownerId !== before.ownerId;
  if (reassigned) checkOwnerAssignment(principal, patch.ownerId!, 'deals');
  const names = references(
    deps,
    {
      ownerId: reassigned ? patch.ownerId : undefined,
      companyId: patch.companyId,
      contactIds: patch.contactIds,
    },
    principal,
  );
  const next: Record<string, unknown> = { ...before };
  for (const [field, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[field];
    else next[field] = value;
  }
  Object.assign(next, names);
  if (patch.companyId === null) delete next.companyName;
  if (patch.contactIds) next.contactIds = [...new Set(patch.contactIds)];
  if (reassigned) {
    const teamId = teamOnAssignment(principal, deps.owner?.teamIds ?? [], before.teamId, 'deals');
    if (teamId) next.teamId = teamId;
    else delete next.teamId;
  }
  if (patch.probabilityOverride !== undefined) {
    if (before.status !== 'open' && patch.probabilityOverride !== null)
      throw invalid({ probabilityOverride: 'A won deal is 100 % and a lost one 0 %; reopen it first' });
    next.probability =
      patch.probabilityOverride ??
      probabilityOf(stageOrThrow(await pipelineOrThrow(before.pipelineId), before.stageId), undefined);
  }
  const candidate = next as Deal;
  const changes = visibleChanges(before, candidate);
  if (changes.length === 0) return before;
  const now = clock.now().toISOString();
  const after: Deal = { ...candidate, updatedAt: now, version: before.version + 1 };
  const audit = auditRecord({
    kind: 'deal',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at: now,
  });
  return writeDeal(before, after, audit);
}

/**
 * Moves a deal to a stage of its pipeline: stale version → 409, lost without a reason → 400
 * naming lostReason, both before anything is written. Events deal.stage_changed, and deal.won /
 * deal.lost when it closes.
 */
export async function changeDealStage(
  id: string,
  input: DealStageChange,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Deal> {
  const before = await dealOrThrow(id, principal);
  if (before.deletedAt) throw new AppError('conflict', 'deal.deleted', 'This deal is deleted');
  if (before.version !== input.version) throw staleVersion('deal');
  const pipeline = await pipelineOrThrow(before.pipelineId);
  const target = stageOrThrow(pipeline, input.stageId);
  if (target.id === before.stageId) return before;
  const now = clock.now().toISOString();
  const moved = moveToStage(before, pipeline, target, input.lostReason, now);
  const after: Deal = { ...moved, updatedAt: now, version: before.version + 1 };
  const audit = auditRecord({
    kind: 'deal',
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes: visibleChanges(before, after),
    at: now,
    events: stageEvents(target),
  });
  return writeDeal(before, after, audit);
}

/**
 * Deletes a deal: it leaves every list, board and total at once and stays readable by id for
 * 30 days (then TTL removes it). Deleting a deleted deal changes nothing.
 */
export async function deleteDeal(id: string, principal: Principal, clock: Clock = systemClock): Promise<Deal> {
  const before = await dealOrThrow(id, principal);
  if (before.deletedAt) return before;
  const now = clock.now().toISOString();
  const after: Deal = { ...before, deletedAt: now, updatedAt: now, version: before.version + 1 };
  const audit = auditRecord({
    kind: 'deal',
    entityId: id,
    entityName: before.name,
    action: 'deleted',
    actor: principal,
    changes: [{ field: 'deletedAt', before: null, after: now }],
    at: now,
  });
  return writeDeal(before, after, audit);
}
