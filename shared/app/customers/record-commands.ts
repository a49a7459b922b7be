import { randomUUID } from 'node:crypto';
import { checkOwnerAssignment, teamOnAssignment } from '../../auth/assignment.js';
import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import {
  createRecord,
  getRecord,
  loadWriteDependencies,
  replaceRecord,
  type StoredRecord,
} from '../../db/customer-records.repository.js';
import { type IdempotencyRequest, replay } from '../../db/idempotency.js';
import type { RecordKind } from '../../db/keys.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, deleted, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import {
  type BuiltInSensitivity,
  forbiddenBuiltInWrites,
  maskBuiltInChanges,
} from '../../domain/customers/builtin-sensitivity.js';
import { finalizeRecord, mergePatch } from '../../domain/customers/records.js';
import { forbiddenFieldWrites, maskSensitiveChanges } from '../../domain/customers/sensitive-fields.js';
import { revealFor, sealSensitive } from './sensitive-values.js';

/**
 * The commands of a customer record (contact or company): create, read, edit, delete, restore.
 * Each reads what it needs in one request, applies the pure rules, and writes the record with
 * its audit record in one transaction. Scope is checked here, once, for every command:
 * a record the principal may not see answers 404, exactly like a record that does not exist.
 */

/** Admins see all; a manager their teams' records (by `teamId`); a sales rep their own. */
export function visibleTo(principal: Principal, record: StoredRecord): boolean {
  return inScope(recordScopeOf(principal), record);
}

/** Reads a record the principal may see, or throws 404. */
export async function readRecordOrThrow(kind: RecordKind, id: string, principal: Principal): Promise<StoredRecord> {
  const record = await getRecord(kind, id);
  if (!record || !visibleTo(principal, record)) throw notFound(kind);
  return record;
}

/** A write of a sensitive field by a role not listed on it: 403 naming each such field. */
function checkSensitiveWrites(
  principal: Principal,
  deps: { defs: Parameters<typeof forbiddenFieldWrites>[1]; builtIn: readonly BuiltInSensitivity[] },
  written: Record<string, unknown>,
): void {
  const errors = {
    ...forbiddenBuiltInWrites(principal.roles, deps.builtIn, written),
    ...forbiddenFieldWrites(principal.roles, deps.defs, written.customFields as Record<string, unknown> | undefined),
  };
  if (Object.keys(errors).length > 0) {
    throw new AppError(
      'forbidden',
      'customField.sensitive_forbidden',
      `Your role may not write ${Object.keys(errors).join(', ')}`,
      errors,
    );
  }
}

/** Checks what the write points at exist: the owner (a staff user) and the company. */
function checkReferences(
  deps: Awaited<ReturnType<typeof loadWriteDependencies>>,
  wants: { ownerId?: string; companyId?: string },
  principal: Principal,
): Record<string, unknown> {
  const errors: Record<string, string> = {};
  if (wants.ownerId && wants.ownerId !== principal.userId && !deps.owner) errors.ownerId = 'Unknown user';
  const extra: Record<string, unknown> = {};
  if (wants.companyId) {
    if (!deps.company || deps.company.deletedAt) errors.companyId = 'Unknown company';
    else extra.companyName = deps.company.name;
  }
  if (Object.keys(errors).length) throw invalid(errors);
  return extra;
}

export async function createCustomerRecord(
  kind: RecordKind,
  input: Record<string, unknown> & { ownerId?: string; companyId?: string },
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  clock: Clock = systemClock,
): Promise<{ status: number; body: unknown }> {
  const ownerId = input.ownerId ?? principal.userId;
  checkOwnerAssignment(principal, ownerId, 'records');
  const deps = await loadWriteDependencies({ kind, companyId: input.companyId, ownerId, idempotency });
  if (idempotency && deps.idempotent) {
    const replayed = replay(idempotency, deps.idempotent);
    return {
      ...replayed,
      body: await revealFor(kind, replayed.body as StoredRecord, principal, deps.defs, deps.builtIn),
    };
  }
  checkSensitiveWrites(principal, deps, input);
  const extra = checkReferences(deps, { ownerId, companyId: input.companyId }, principal);
  const teamId = teamOnAssignment(principal, deps.owner?.teamIds ?? [], undefined, 'records');
  const now = clock.now().toISOString();
  const plain = finalizeRecord(
    {
      tags: [],
      customFields: {},
      ...(kind === 'contact' ? { marketingConsent: false } : {}),
      ...input,
      ...extra,
      id: randomUUID(),
      ownerId,
      ...(teamId ? { teamId } : {}),
      createdAt: now,
      updatedAt: now,
      version: 1,
    },
    { now, defs: deps.defs },
  ) as StoredRecord;
  const record = await sealSensitive(kind, plain, deps.defs, deps.builtIn);
  const audit = auditRecord({
    kind,
    entityId: record.id,
    entityName: record.name,
    action: 'created',
    actor: principal,
    changes: maskBuiltInChanges(maskSensitiveChanges(diffRecords(undefined, record), deps.defs), deps.builtIn),
    at: now,
  });
  await createRecord(
    kind,
    record,
    audit,
    idempotency && { request: idempotency, status: 201, nowMs: clock.now().getTime() },
  );
  return { status: 201, body: await revealFor(kind, record, principal, deps.defs, deps.builtIn) };
}

export async function updateCustomerRecord(
  kind: RecordKind,
  id: string,
  patch: Record<string, unknown> & { ownerId?: string; companyId?: string | null },
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<StoredRecord> {
  const deps = await loadWriteDependencies({
    kind,
    id,
    companyId: patch.companyId ?? undefined,
    ownerId: patch.ownerId,
  });
  const before = deps.record;
  if (!before || !visibleTo(principal, before)) throw notFound(kind);
  if (before.deletedAt) throw deleted(kind);
  if (before.version !== version) throw staleVersion(kind);
  checkSensitiveWrites(principal, deps, patch);
  const reassigned = patch.ownerId !== undefined && patch.ownerId !== before.ownerId;
  if (reassigned) checkOwnerAssignment(principal, patch.ownerId!, 'records');
  const extra = checkReferences(deps, { ownerId: patch.ownerId, companyId: patch.companyId ?? undefined }, principal);
  // A new owner brings the record into their team; otherwise the record keeps the team it has.
  if (reassigned) {
    const teamId = teamOnAssignment(principal, deps.owner?.teamIds ?? [], before.teamId, 'records');
    if (teamId) extra.teamId = teamId;
  }
  const now = clock.now().toISOString();
  // Values of fields an admin has since removed are dropped, not rejected: the user did not send them.
  const known = new Set(deps.defs.map((d) => d.key));
  const current = {
    ...before,
    customFields: Object.fromEntries(Object.entries(before.customFields).filter(([k]) => known.has(k))),
  };
  const merged = mergePatch(current, patch);
  if (patch.companyId === null) delete merged.companyName;
  if (reassigned && !extra.teamId) delete merged.teamId;
  const after = await sealSensitive(
    kind,
    finalizeRecord(
      { ...merged, ...extra, updatedAt: now, version: before.version + 1 },
      { now, defs: deps.defs },
    ) as StoredRecord,
    deps.defs,
    deps.builtIn,
  );
  // A rewritten sensitive value is a new ciphertext: it shows as a change even when the plaintext is the same.
  const changes = maskBuiltInChanges(maskSensitiveChanges(diffRecords(before, after), deps.defs), deps.builtIn);
  if (changes.length === 0) return revealFor(kind, before, principal, deps.defs, deps.builtIn);
  const audit = auditRecord({
    kind,
    entityId: id,
    entityName: after.name,
    action: 'updated',
    actor: principal,
    changes,
    at: now,
  });
  await replaceRecord(kind, before, after, audit);
  return revealFor(kind, after, principal, deps.defs, deps.builtIn);
}

/**
 * Soft delete and restore: the record leaves (or rejoins) every list and search; deleted, it stays
 * readable and restorable for 30 days. Asking for the state a record is already in changes nothing.
 */
async function setDeleted(
  kind: RecordKind,
  id: string,
  principal: Principal,
  deleted: boolean,
  clock: Clock,
): Promise<StoredRecord> {
  const before = await readRecordOrThrow(kind, id, principal);
  if (Boolean(before.deletedAt) === deleted) return before;
  const now = clock.now().toISOString();
  const { deletedAt, ...live } = before;
  const after: StoredRecord = {
    ...live,
    ...(deleted ? { deletedAt: now } : {}),
    updatedAt: now,
    version: before.version + 1,
  };
  const audit = auditRecord({
    kind,
    entityId: id,
    entityName: before.name,
    action: deleted ? 'deleted' : 'restored',
    actor: principal,
    changes: [{ field: 'deletedAt', before: deletedAt ?? null, after: deleted ? now : null }],
    at: now,
  });
  await replaceRecord(kind, before, after, audit);
  return after;
}

export const deleteCustomerRecord = (kind: RecordKind, id: string, principal: Principal, clock: Clock = systemClock) =>
  setDeleted(kind, id, principal, true, clock);

export const restoreCustomerRecord = (kind: RecordKind, id: string, principal: Principal, clock: Clock = systemClock) =>
  setDeleted(kind, id, principal, false, clock);
