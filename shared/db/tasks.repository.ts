import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/common/fields.js';
import type { ReminderSpec } from '../domain/notifications/reminder-times.js';
import type { Task } from '../domain/work/task.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import type { SortKeyRange } from './keys.core.js';
import {
  closedTasksSource,
  openTasksSource,
  recordTasksSource,
  taskIndexKeys,
  teamTasksSource,
  workKeys,
} from './keys.work.js';
import { recordOf, type TransactItem, versionedDelete, versionedPut, writeVersioned } from './kit.js';
import { queryPage } from './query.js';
import { replaceReminders } from './reminders.js';

/**
 * Storage of tasks. A task item carries the reminders armed for it (`reminders`), so every write
 * moves them in the same transaction as the task and its audit record: completing, cancelling or
 * deleting a task disarms its reminder; moving its due time or assignee moves it.
 */

export type StoredTask = Task & { reminders: ReminderSpec[] };

function fromItem(item: object): StoredTask {
  return { reminders: [], ...recordOf<object>(item as Record<string, unknown>) } as unknown as StoredTask;
}

/** The task as the API shows it: without its reminder bookkeeping. */
export function toApiTask(item: object): Task {
  const { reminders, ...task } = fromItem(item);
  return task;
}

export function taskItem(t: StoredTask): Record<string, unknown> {
  const closedAt = t.status === 'open' ? undefined : (t.completedAt ?? t.updatedAt);
  return { ...workKeys.task(t.id), type: 'Task', ...t, ...taskIndexKeys({ ...t, closedAt }) };
}

/** One task by id (GetItem, strongly consistent: read before a conditional write). */
export async function getTask(id: string): Promise<StoredTask | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: workKeys.task(id), ConsistentRead: true }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/**
 * Writes a task change as one transaction: the task (created, replaced at the version read, or
 * deleted at it), its reminders moved from `before` to `after`, its audit record, and `extra`
 * (an idempotent answer).
 */
export async function writeTask(
  before: StoredTask | undefined,
  after: StoredTask | undefined,
  audit: AuditRecord,
  extra: TransactItem[] = [],
): Promise<void> {
  const subject = (after ?? before)!;
  const items: TransactItem[] = [];
  if (after) {
    items.push(versionedPut(taskItem(after), before?.version));
  } else if (before) {
    items.push(versionedDelete(workKeys.task(before.id), before.version));
  }
  items.push(
    ...replaceReminders(
      'task',
      subject.id,
      before?.reminders ?? [],
      after?.reminders ?? [],
      subject.assigneeId,
      subject.title,
      {
        recipientOrName: Boolean(
          before && after && (before.assigneeId !== after.assigneeId || before.title !== after.title),
        ),
      },
    ),
    putAudit(audit),
    ...extra,
  );
  await writeVersioned(items, 'task');
}

// ---------------------------------------------------------------------------------------------
// Lists: each is ONE Query of an index partition that is already the caller's (keys.work.ts).

/** Whose tasks: an assignee's (gsi1), a team's (gsi10) or those about one record (gsi7). */
export type TaskList =
  | { kind: 'assignee'; assigneeId: string }
  | { kind: 'team'; teamId: string }
  | { kind: 'record'; entity: string; id: string };

/**
 * One page of a task list: the open tasks by due time (`range`: a bucket of it, a sort-key range),
 * or the done and cancelled ones, newest first.
 */
export async function listTasksOf(
  list: TaskList,
  view: { done: boolean; range?: SortKeyRange },
  page: { limit: number; cursor?: string },
): Promise<Page<Task>> {
  const state = view.done ? 'CLOSED' : 'OPEN';
  const range = view.done ? undefined : view.range;
  const source =
    list.kind === 'record'
      ? recordTasksSource(list.entity, list.id, state, range)
      : list.kind === 'team'
        ? teamTasksSource(list.teamId, state, range)
        : view.done
          ? closedTasksSource(list.assigneeId)
          : openTasksSource(list.assigneeId, range);
  const got = await queryPage<Record<string, unknown>>(source, { ...page, forward: !view.done });
  return { items: got.items.map(toApiTask), nextCursor: got.nextCursor };
}
