import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { invalid } from '../domain/common/errors.js';
import type { Page } from '../domain/common/fields.js';
import type { Activity, ActivityEntity } from '../domain/work/activity.schema.js';
import type { MergedTimelineEntry } from '../domain/work/timeline.js';
import {
  decodeMergeCursor,
  encodeMergeCursor,
  type MergeCursor,
  mergeTimelinePage,
  type StreamPage,
} from '../domain/work/timeline-merge.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type AuditedEntity, auditSource } from './keys.js';
import {
  activityIndexKeys,
  actorActivitiesSource,
  recordActivitiesSource,
  relatedRecordKey,
  workKeys,
} from './keys.work.js';
import { recordOf, type TransactItem, versionedDelete, versionedPut, writeVersioned } from './kit.js';
import { queryPage } from './query.js';

/**
 * Storage of activities (notes, calls, meetings, e-mails logged on a record), and the record
 * timeline that merges them with the record's audit trail.
 */

export const toApiActivity = (item: Record<string, unknown>): Activity => recordOf<Activity>(item);

export function activityItem(a: Activity): Record<string, unknown> {
  return {
    ...workKeys.activity(a.id),
    type: 'Activity',
    ...a,
    ...activityIndexKeys({
      id: a.id,
      entity: a.entity,
      entityId: a.entityId,
      occurredAt: a.occurredAt,
      actorId: a.actor.id,
    }),
  };
}

/** One activity by id (GetItem, strongly consistent: read before a conditional write). */
export async function getActivity(id: string): Promise<Activity | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: workKeys.activity(id), ConsistentRead: true }),
  );
  return out.Item ? toApiActivity(out.Item) : undefined;
}

/** The record a task or activity is about, as stored (GetItem), or undefined. */
export async function getRelatedRecord(
  entity: ActivityEntity | 'contract',
  id: string,
): Promise<Record<string, unknown> | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: relatedRecordKey(entity, id), ConsistentRead: true }),
  );
  return out.Item;
}

/**
 * Writes an activity change as one transaction: the activity (created, replaced at the version
 * read, or deleted at it), its audit record, and `extra` (the lead follow-up touch of the
 * record it was logged on, an idempotent answer).
 */
export async function writeActivity(
  before: Activity | undefined,
  after: Activity | undefined,
  audit: AuditRecord,
  extra: TransactItem[] = [],
): Promise<void> {
  const items: TransactItem[] = [];
  if (after) items.push(versionedPut(activityItem(after), before?.version));
  else if (before) items.push(versionedDelete(workKeys.activity(before.id), before.version));
  items.push(putAudit(audit), ...extra);
  await writeVersioned(items, 'activity');
}

/** A record's activities, newest first (gsi1 ACTIVITY#RECORD#<E>#<id>). */
export async function listRecordActivities(
  entity: ActivityEntity,
  id: string,
  page: { cursor?: string; limit: number },
): Promise<Page<Activity>> {
  const out = await queryPage<Record<string, unknown>>(recordActivitiesSource(entity, id), { ...page, forward: false });
  return { items: out.items.map(toApiActivity), nextCursor: out.nextCursor };
}

/** What a person logged, newest first (gsi4 of their actor partition). */
export async function listActorActivities(
  actorId: string,
  page: { cursor?: string; limit: number },
): Promise<Page<Activity>> {
  const out = await queryPage<Record<string, unknown>>(actorActivitiesSource(actorId), { ...page, forward: false });
  return { items: out.items.map(toApiActivity), nextCursor: out.nextCursor };
}

/**
 * One page of a record's merged timeline: at most two Queries of `limit` items (its audit
 * partition and its activities, each read newest first below where the cursor left it), merged
 * in time order by mergeTimelinePage. The caller has checked the record is in scope.
 */
export async function readMergedTimeline(
  entity: ActivityEntity & AuditedEntity,
  id: string,
  page: { cursor?: string; limit: number },
): Promise<Page<MergedTimelineEntry>> {
  const cursor = decodeMergeCursor(page.cursor);
  if (!cursor) throw invalid({ cursor: 'Malformed or expired cursor; start from the first page' });
  const [audits, activities] = await Promise.all([
    readStream(cursor, 'audit', () => ({ ...auditSource(entity, id), ...below(cursor.audit.below) }), page.limit),
    readStream(cursor, 'activity', () => recordActivitiesSource(entity, id, cursor.activity.below), page.limit),
  ]);
  const merged = mergeTimelinePage(
    cursor,
    {
      audit: toStream(audits, (a) => ({ key: String(a.sk), at: String(a.at) })),
      activity: toStream(activities, (a) => ({ key: String(a.gsi1sk), at: String(a.occurredAt) })),
    },
    page.limit,
  );
  return {
    items: merged.items.map((entry): MergedTimelineEntry => {
      if (entry.stream === 'audit') {
        const a = entry.value as unknown as AuditRecord;
        return { type: 'change', id: a.id, at: a.at, actor: a.actor, action: a.action, changes: a.changes };
      }
      const activity = toApiActivity(entry.value);
      return { type: 'activity', id: activity.id, at: activity.occurredAt, actor: activity.actor, activity };
    }),
    nextCursor: encodeMergeCursor(merged.next),
  };
}

const below = (key: string | undefined) => (key ? { skBelow: key } : {});

type Item = Record<string, unknown>;

async function readStream(
  cursor: MergeCursor,
  name: keyof MergeCursor,
  source: () => Parameters<typeof queryPage>[0],
  limit: number,
): Promise<{ items: Item[]; more: boolean }> {
  if (cursor[name].done) return { items: [], more: false };
  const out = await queryPage<Item>(source(), { limit, forward: false });
  return { items: out.items, more: out.nextCursor !== null };
}

function toStream(
  read: { items: Item[]; more: boolean },
  place: (i: Item) => { key: string; at: string },
): StreamPage<Item> {
  return { entries: read.items.map((value) => ({ ...place(value), value })), more: read.more };
}
