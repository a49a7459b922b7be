import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { getActivity, listRecordActivities, writeActivity } from '../../db/activities.repository.js';
import { auditRecord } from '../../db/audit.js';
import { type IdempotencyRequest, putIdempotency, replay } from '../../db/idempotency.js';
import { keys } from '../../db/keys.js';
import { relatedRecordKey } from '../../db/keys.work.js';
import type { TransactItem } from '../../db/kit.js';
import { getItems } from '../../db/kit.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid, notFound, staleVersion } from '../../domain/common/errors.js';
import type { Page } from '../../domain/common/fields.js';
import {
  type Activity,
  type ActivityCreate,
  type ActivityEntity,
  type ActivityPatch,
  durationErrors,
} from '../../domain/work/activity.schema.js';
import { followUpTouch } from './follow-up.js';
import { relatedOrThrow, visibleRelated } from './related-records.js';

/**
 * Activity commands. Logging one needs the record it is about to be in the caller's scope
 * (404 otherwise, as the record's own route answers); it is written with its audit record and
 * the lead follow-up touch of that record in one transaction. Only the author or an admin edits
 * or deletes an activity.
 */

export async function logActivity(
  input: ActivityCreate,
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  clock: Clock = systemClock,
): Promise<{ status: number; body: unknown }> {
  const [recordItem, stored] = await getItems([
    relatedRecordKey(input.entity, input.entityId),
    idempotency && keys.idempotency(idempotency.userId, idempotency.key),
  ]);
  if (idempotency && stored) return replay(idempotency, stored as never);
  const related = visibleRelated(principal, input.entity, input.entityId, recordItem);
  if (!related) throw notFound(input.entity);
  const errors = durationErrors(input.kind, input.durationMinutes);
  if (Object.keys(errors).length) throw invalid(errors);
  const now = clock.now();
  const at = now.toISOString();
  const activity: Activity = {
    id: randomUUID(),
    kind: input.kind,
    entity: input.entity,
    entityId: input.entityId,
    entityName: related.name,
    subject: input.subject,
    ...(input.body ? { body: input.body } : {}),
    occurredAt: input.occurredAt ? new Date(input.occurredAt).toISOString() : at,
    ...(input.durationMinutes !== undefined ? { durationMinutes: input.durationMinutes } : {}),
    ...(input.outcome ? { outcome: input.outcome } : {}),
    actor: { id: principal.userId, name: principal.name },
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
  const audit = auditRecord({
    kind: 'activity',
    entityId: activity.id,
    entityName: activity.subject,
    action: 'created',
    actor: principal,
    changes: diffRecords(undefined, activity as unknown as Record<string, unknown>),
    at,
  });
  const extra: TransactItem[] = [...followUpTouch(input.entity, recordItem!, at)];
  if (idempotency) extra.push(putIdempotency(idempotency, 201, activity, now.getTime()));
  await writeActivity(undefined, activity, audit, extra);
  return { status: 201, body: activity };
}

/** The activity, if the principal may change it: its author or an admin (403 for others who see it). */
async function ownActivityOrThrow(id: string, principal: Principal): Promise<Activity> {
  const activity = await getActivity(id);
  if (!activity) throw notFound('activity');
  if (activity.actor.id === principal.userId || principal.roles.includes('admin')) return activity;
  // Someone who cannot see the record learns nothing about the activity either.
  await relatedOrThrow(principal, activity.entity, activity.entityId).catch(() => {
    throw notFound('activity');
  });
  throw new AppError('forbidden', 'activity.author_only', 'Only its author or an admin may change an activity');
}

export async function updateActivity(
  id: string,
  patch: Omit<ActivityPatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Activity> {
  const before = await ownActivityOrThrow(id, principal);
  if (before.version !== version) throw staleVersion('activity');
  const after: Activity = { ...before };
  if (patch.subject !== undefined) after.subject = patch.subject;
  if (patch.body === null) delete after.body;
  else if (patch.body !== undefined) after.body = patch.body;
  if (patch.occurredAt !== undefined) after.occurredAt = new Date(patch.occurredAt).toISOString();
  if (patch.durationMinutes === null) delete after.durationMinutes;
  else if (patch.durationMinutes !== undefined) after.durationMinutes = patch.durationMinutes;
  if (patch.outcome === null) delete after.outcome;
  else if (patch.outcome !== undefined) after.outcome = patch.outcome;
  const errors = durationErrors(after.kind, after.durationMinutes);
  if (Object.keys(errors).length) throw invalid(errors);
  const changes = diffRecords(
    before as unknown as Record<string, unknown>,
    after as unknown as Record<string, unknown>,
  );
  if (changes.length === 0) return before;
  const at = clock.now().toISOString();
  const next: Activity = { ...after, updatedAt: at, version: before.version + 1 };
  const audit = auditRecord({
    kind: 'activity',
    entityId: id,
    entityName: next.subject,
    action: 'updated',
    actor: principal,
    changes,
    at,
  });
  // No follow-up touch: an edit (even of occurredAt) never moves the lead clock (see follow-up.ts).
  await writeActivity(before, next, audit);
  return next;
}

export async function deleteActivity(id: string, principal: Principal, clock: Clock = systemClock): Promise<void> {
  const before = await ownActivityOrThrow(id, principal);
  const audit = auditRecord({
    kind: 'activity',
    entityId: id,
    entityName: before.subject,
    action: 'deleted',
    actor: principal,
    changes: [{ field: 'subject', before: before.subject, after: null }],
    at: clock.now().toISOString(),
  });
  // The lead clock stays where it is (see follow-up.ts): a deletion does not turn it back.
  await writeActivity(before, undefined, audit);
}

/** A record's activities, newest first; the record must be in the caller's scope. */
export async function listActivities(
  entity: ActivityEntity,
  id: string,
  page: { cursor?: string; limit: number },
  principal: Principal,
): Promise<Page<Activity>> {
  await relatedOrThrow(principal, entity, id);
  return listRecordActivities(entity, id, page);
}
