import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, staleVersion } from '../domain/common/errors.js';
import type { ReminderSpec } from '../domain/notifications/reminder-times.js';
import type { Task } from '../domain/work/task.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { ALL_INDEX_ATTRIBUTES, type Key } from './keys.js';
import { taskIndexKeys, workKeys } from './keys.work.js';
import { replaceReminders } from './reminders.js';
import { type FailedCondition, type TransactItem, transactWrite } from './transact.js';

/**
 * Storage of tasks. A task item carries the reminders armed for it (`reminders`), so every write
 * moves them in the same transaction as the task and its audit record: completing, cancelling or
 * deleting a task disarms its reminder; moving its due time or assignee moves it.
 */

export type StoredTask = Task & { reminders: ReminderSpec[] };

const INTERNAL = new Set(['pk', 'sk', 'type', ...ALL_INDEX_ATTRIBUTES]);

function fromItem(item: object): StoredTask {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v;
  return { reminders: [], ...out } as unknown as StoredTask;
}

/** The task as the API shows it: without its reminder bookkeeping. */
export function toApiTask(item: object): Task {
  const { reminders, ...task } = fromItem(item);
  return task;
}

function storedItem(t: StoredTask): Record<string, unknown> {
  const closedAt = t.status === 'open' ? undefined : (t.completedAt ?? t.updatedAt);
  return { ...workKeys.task(t.id), type: 'Task', ...t, ...taskIndexKeys({ ...t, closedAt }) };
}

/** One task by id (GetItem, strongly consistent: read before a conditional write). */
export async function getTask(id: string): Promise<StoredTask | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: workKeys.task(id), ConsistentRead: true }));
  return out.Item ? fromItem(out.Item) : undefined;
}

/**
 * Reads a few items by key in one BatchGetItem (a retry for unprocessed keys), in the order
 * asked; a missing item is undefined.
 */
export async function getItems(wanted: readonly (Key | undefined)[]): Promise<(Record<string, unknown> | undefined)[]> {
  const present = wanted.filter((k): k is Key => k !== undefined);
  const unique = [...new Map(present.map((k) => [`${k.pk}\u0000${k.sk}`, k])).values()];
  const items: Record<string, unknown>[] = [];
  let pending: Key[] = unique;
  for (let attempt = 0; pending.length > 0 && attempt < 3; attempt++) {
    const out = await db().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: pending, ConsistentRead: true } } }),
    );
    items.push(...(out.Responses?.[tableName()] ?? []));
    pending = (out.UnprocessedKeys?.[tableName()]?.Keys as Key[] | undefined) ?? [];
  }
  return wanted.map((k) => (k ? items.find((i) => i.pk === k.pk && i.sk === k.sk) : undefined));
}

function failureMapper(items: TransactItem[]) {
  return (failed: FailedCondition[]): AppError => {
    for (const f of failed) {
      if (items[f.index]?.Put?.Item?.type === 'Idempotency') {
        return new AppError(
          'conflict',
          'request.idempotency_in_progress',
          'A request with this Idempotency-Key is in progress; retry',
        );
      }
    }
    return staleVersion('task');
  };
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
    items.push({
      Put: {
        TableName: tableName(),
        Item: storedItem(after),
        ...(before
          ? {
              ConditionExpression: 'attribute_exists(pk) AND version = :v',
              ExpressionAttributeValues: { ':v': before.version },
            }
          : { ConditionExpression: 'attribute_not_exists(pk)' }),
      },
    });
  } else if (before) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: workKeys.task(before.id),
        ConditionExpression: 'attribute_exists(pk) AND version = :v',
        ExpressionAttributeValues: { ':v': before.version },
      },
    });
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
  await transactWrite(items, failureMapper(items));
}
