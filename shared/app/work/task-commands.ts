import { randomUUID } from 'node:crypto';
import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { type IdempotencyRequest, putIdempotency, replay } from '../../db/idempotency.js';
import { keys } from '../../db/keys.js';
import { relatedRecordKey } from '../../db/keys.work.js';
import { getItems } from '../../db/kit.js';
import { upcoming } from '../../db/reminders.js';
import { getTask, type StoredTask, toApiTask, writeTask } from '../../db/tasks.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, notFound, staleVersion } from '../../domain/common/errors.js';
import type { ReminderSpec } from '../../domain/notifications/reminder-times.js';
import { type Assignee, assignmentTeam, canDeleteTask, canSeeTask } from '../../domain/work/assignment.js';
import type { Task, TaskCreate, TaskPatch, TaskStatus } from '../../domain/work/task.schema.js';
import { type RelatedEntity, visibleRelated } from './related-records.js';

/**
 * Task commands: create, edit (including reassign, reopen, cancel), complete, delete. Each reads
 * what it needs in one request, applies the rules of assignment.ts, and writes the task with its
 * reminder and audit record in one transaction (tasks.repository.ts).
 */

/** A task reminds its assignee at its due time (the reminder sweep announces task.due). */
export const DUE_REMINDER = '0m';

function remindersOf(task: Pick<Task, 'status' | 'dueAt'>, now: Date): ReminderSpec[] {
  if (task.status !== 'open') return [];
  return upcoming([{ offset: DUE_REMINDER, dueAt: task.dueAt, event: 'task.due' }], now);
}

function assigneeOf(item: Record<string, unknown> | undefined): (Assignee & { name: string }) | undefined {
  if (!item) return undefined;
  return {
    id: String(item.id),
    name: String(item.name ?? item.email ?? item.id),
    teamIds: Array.isArray(item.teamIds) ? item.teamIds.map(String) : [],
    active: item.status !== 'disabled',
  };
}

/** Audit changes of a task: its fields, never its reminder bookkeeping. */
function taskChanges(before: StoredTask | undefined, after: StoredTask | undefined) {
  const strip = (t: StoredTask | undefined) => {
    if (!t) return undefined;
    const { reminders, ...rest } = t;
    return rest;
  };
  return diffRecords(strip(before), strip(after));
}

/** task.assigned when someone else is made the assignee; task.completed when it is done. */
function eventsOf(before: StoredTask | undefined, after: StoredTask, actorId: string): string[] {
  const events: string[] = [];
  if (after.assigneeId !== before?.assigneeId && after.assigneeId !== actorId) events.push('task.assigned');
  if (after.status === 'done' && before?.status !== 'done') events.push('task.completed');
  return events;
}

function normalizeInstant(value: string): string {
  return new Date(value).toISOString();
}

export async function createTask(
  input: TaskCreate,
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  clock: Clock = systemClock,
): Promise<{ status: number; body: unknown }> {
  const assigneeId = input.assigneeId ?? principal.userId;
  const [profile, relatedItem, stored] = await getItems([
    keys.user(assigneeId),
    input.related && relatedRecordKey(input.related.entity, input.related.id),
    idempotency && keys.idempotency(idempotency.userId, idempotency.key),
  ]);
  if (idempotency && stored) return replay(idempotency, stored as never);
  const assignee = assigneeOf(profile) ?? selfWithoutProfile(principal, assigneeId);
  const teamId = assignmentTeam(principal, assignee);
  const related = input.related && relatedInScope(principal, input.related.entity, input.related.id, relatedItem);
  const now = clock.now();
  const at = now.toISOString();
  const task: StoredTask = {
    id: randomUUID(),
    title: input.title,
    ...(input.description ? { description: input.description } : {}),
    dueAt: normalizeInstant(input.dueAt),
    assigneeId,
    assigneeName: assignee?.name ?? principal.name,
    ...(teamId ? { teamId } : {}),
    creatorId: principal.userId,
    creatorName: principal.name,
    ...(related ? { related } : {}),
    priority: input.priority,
    status: 'open',
    createdAt: at,
    updatedAt: at,
    version: 1,
    reminders: [],
  };
  task.reminders = remindersOf(task, now);
  const audit = auditRecord({
    kind: 'task',
    entityId: task.id,
    entityName: task.title,
    action: 'created',
    actor: principal,
    changes: taskChanges(undefined, task),
    at,
    events: eventsOf(undefined, task, principal.userId),
  });
  const body = toApiTask(task);
  const extra = idempotency ? [putIdempotency(idempotency, 201, body, now.getTime())] : [];
  await writeTask(undefined, task, audit, extra);
  return { status: 201, body };
}

/** A user without a profile item (a fresh sign-in) may still give a task to themselves. */
function selfWithoutProfile(principal: Principal, assigneeId: string): (Assignee & { name: string }) | undefined {
  return assigneeId === principal.userId
    ? { id: principal.userId, name: principal.name, teamIds: [...principal.teamIds], active: true }
    : undefined;
}

function relatedInScope(
  principal: Principal,
  entity: RelatedEntity,
  id: string,
  item: Record<string, unknown> | undefined,
) {
  const related = visibleRelated(principal, entity, id, item);
  if (!related) throw notFound(entity);
  return related;
}

/** A task the principal may see, or 404 (exactly like a task that does not exist). */
export async function readTaskOrThrow(id: string, principal: Principal): Promise<StoredTask> {
  const task = await getTask(id);
  if (!task || !canSeeTask(principal, task)) throw notFound('task');
  return task;
}

export async function updateTask(
  id: string,
  patch: Omit<TaskPatch, 'version'>,
  version: number,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Task> {
  const before = await readTaskOrThrow(id, principal);
  if (before.version !== version) throw staleVersion('task');
  const reassigned = patch.assigneeId !== undefined && patch.assigneeId !== before.assigneeId;
  const relatedChanged =
    patch.related !== undefined &&
    (patch.related === null ||
      patch.related.entity !== before.related?.entity ||
      patch.related.id !== before.related?.id);
  const [profile, relatedItem] =
    reassigned || (relatedChanged && patch.related)
      ? await getItems([
          reassigned ? keys.user(patch.assigneeId!) : undefined,
          patch.related ? relatedRecordKey(patch.related.entity, patch.related.id) : undefined,
        ])
      : [undefined, undefined];
  const after: StoredTask = { ...before };
  if (reassigned) {
    const assignee = assigneeOf(profile) ?? selfWithoutProfile(principal, patch.assigneeId!);
    const teamId = assignmentTeam(principal, assignee, before.teamId);
    after.assigneeId = patch.assigneeId!;
    after.assigneeName = assignee?.name ?? patch.assigneeId!;
    if (teamId) after.teamId = teamId;
    else delete after.teamId;
  }
  if (relatedChanged) {
    if (patch.related) after.related = relatedInScope(principal, patch.related.entity, patch.related.id, relatedItem);
    else delete after.related;
  }
  if (patch.title !== undefined) after.title = patch.title;
  if (patch.description === null) delete after.description;
  else if (patch.description !== undefined) after.description = patch.description;
  if (patch.dueAt !== undefined) after.dueAt = normalizeInstant(patch.dueAt);
  if (patch.priority !== undefined) after.priority = patch.priority;
  const now = clock.now();
  if (patch.status !== undefined) setStatus(after, patch.status, now.toISOString());
  return saveChange(before, after, principal, now);
}

function setStatus(task: StoredTask, status: TaskStatus, at: string): void {
  if (task.status === status) return;
  task.status = status;
  if (status === 'done') task.completedAt = at;
  else delete task.completedAt;
}

async function saveChange(before: StoredTask, after: StoredTask, principal: Principal, now: Date): Promise<Task> {
  after.reminders = remindersOf(after, now);
  const changes = taskChanges(before, after);
  if (changes.length === 0) return toApiTask(before);
  const at = now.toISOString();
  const next: StoredTask = { ...after, updatedAt: at, version: before.version + 1 };
  const audit = auditRecord({
    kind: 'task',
    entityId: next.id,
    entityName: next.title,
    action: 'updated',
    actor: principal,
    changes,
    at,
    events: eventsOf(before, next, principal.userId),
  });
  await writeTask(before, next, audit);
  return toApiTask(next);
}

/** Marks a task done (its reminder is disarmed). Completing a done task changes nothing. */
export async function completeTask(
  id: string,
  version: number | undefined,
  principal: Principal,
  clock: Clock = systemClock,
): Promise<Task> {
  const before = await readTaskOrThrow(id, principal);
  if (version !== undefined && before.version !== version) throw staleVersion('task');
  if (before.status === 'done') return toApiTask(before);
  const now = clock.now();
  const after: StoredTask = { ...before };
  setStatus(after, 'done', now.toISOString());
  return saveChange(before, after, principal, now);
}

/** Deletes a task for good, with its reminder; the creator, a manager of its team or an admin. */
export async function deleteTask(id: string, principal: Principal, clock: Clock = systemClock): Promise<void> {
  const before = await readTaskOrThrow(id, principal);
  if (!canDeleteTask(principal, before)) {
    throw new AppError(
      'forbidden',
      'task.delete_forbidden',
      'Only the creator, a manager of its team or an admin may delete a task',
    );
  }
  const audit = auditRecord({
    kind: 'task',
    entityId: before.id,
    entityName: before.title,
    action: 'deleted',
    actor: principal,
    changes: [{ field: 'status', before: before.status, after: null }],
    at: clock.now().toISOString(),
  });
  await writeTask(before, undefined, audit);
}
