import { type Key, type ListSource, TYPE } from './keys.core.js';
import { dealKeys } from './keys.deals.js';
import { recordKeys } from './keys.records.js';

/**
 * Keys of tasks and activities (the `work` context). Every partition value starts with TASK or
 * ACTIVITY, so these entries share the overloaded GSIs with the records without colliding.
 *
 * Base table
 * | item      | pk              | sk        |
 * |-----------|-----------------|-----------|
 * | task      | TASK#<id>       | TASK      |
 * | activity  | ACTIVITY#<id>   | ACTIVITY  |
 *
 * GSIs. <E> is the related record's TYPE (CONTACT, COMPANY, DEAL, CONTRACT); <state> is OPEN
 * for an open task and CLOSED for a done or cancelled one, so "my open tasks" never reads a
 * finished task.
 * | index | pk                              | sk                     | access pattern                                     |
 * |-------|---------------------------------|------------------------|----------------------------------------------------|
 * | gsi1  | TASK#ASSIGNEE#<userId>#OPEN     | <dueAt>#<id>           | my open tasks by due time: overdue/today/upcoming  |
 * |       |                                 |                        | are sort-key ranges in the caller's day            |
 * | gsi1  | TASK#ASSIGNEE#<userId>#CLOSED   | <closedAt>#<id>        | my finished tasks, last finished first             |
 * | gsi10 | TASK#TEAM#<teamId>#<state>      | <dueAt>/<closedAt>#<id>| a manager's team tasks (the assignee's team)       |
 * | gsi7  | TASK#RECORD#<E>#<recordId>#OPEN | <dueAt>#<id>           | a record's open tasks by due time (its tasks panel)|
 * | gsi7  | TASK#RECORD#<E>#<recordId>#CLOSED| <closedAt>#<id>       | a record's finished tasks, last finished first     |
 * | gsi1  | ACTIVITY#RECORD#<E>#<recordId>  | <occurredAt>#<id>      | a record's activities, newest first (timeline)     |
 * | gsi4  | ACTIVITY#ACTOR#<userId>         | <occurredAt>#<id>      | my recent activity (home page)                     |
 *
 * A task's reminder at dueAt is the reminders module's item, written in the task's transaction
 * (see tasks.repository.ts). Times are UTC ISO strings, so string order is time order.
 */

export type TaskState = 'OPEN' | 'CLOSED';

export const workKeys = {
  task: (id: string): Key => ({ pk: `${TYPE.task}#${id}`, sk: TYPE.task }),
  activity: (id: string): Key => ({ pk: `${TYPE.activity}#${id}`, sk: TYPE.activity }),
};

const assigneePartition = (userId: string, state: TaskState) => `${TYPE.task}#ASSIGNEE#${userId}#${state}`;
const teamPartition = (teamId: string, state: TaskState) => `${TYPE.task}#TEAM#${teamId}#${state}`;
const taskRecordPartition = (entity: string, id: string, state: TaskState) =>
  `${TYPE.task}#RECORD#${entity.toUpperCase()}#${id}#${state}`;
const activityRecordPartition = (entity: string, id: string) => `${TYPE.activity}#RECORD#${entity.toUpperCase()}#${id}`;
const actorPartition = (userId: string) => `${TYPE.activity}#ACTOR#${userId}`;

export interface IndexedTask {
  id: string;
  assigneeId: string;
  teamId?: string;
  dueAt: string;
  status: 'open' | 'done' | 'cancelled';
  /** When it was done or cancelled. */
  closedAt?: string;
  related?: { entity: string; id: string };
}

/** The GSI attributes of a task: its place in its assignee's, team's and record's lists. */
export function taskIndexKeys(t: IndexedTask): Record<string, string> {
  const state: TaskState = t.status === 'open' ? 'OPEN' : 'CLOSED';
  const sk = state === 'OPEN' ? `${t.dueAt}#${t.id}` : `${t.closedAt ?? t.dueAt}#${t.id}`;
  const out: Record<string, string> = { gsi1pk: assigneePartition(t.assigneeId, state), gsi1sk: sk };
  if (t.teamId) Object.assign(out, { gsi10pk: teamPartition(t.teamId, state), gsi10sk: sk });
  if (t.related) Object.assign(out, { gsi7pk: taskRecordPartition(t.related.entity, t.related.id, state), gsi7sk: sk });
  return out;
}

/** An assignee's open tasks (gsi1), by due time; `range` narrows to a bucket. */
export function openTasksSource(userId: string, range?: { from?: string; to?: string }): ListSource {
  return { index: 'gsi1', pk: assigneePartition(userId, 'OPEN'), ...(range ? { skRange: range } : {}) };
}

/** An assignee's done and cancelled tasks (gsi1), read newest first. */
export function closedTasksSource(userId: string): ListSource {
  return { index: 'gsi1', pk: assigneePartition(userId, 'CLOSED') };
}

/** A team's open or closed tasks (gsi10). */
export function teamTasksSource(teamId: string, state: TaskState, range?: { from?: string; to?: string }): ListSource {
  return { index: 'gsi10', pk: teamPartition(teamId, state), ...(range ? { skRange: range } : {}) };
}

/**
 * The tasks about one record (gsi7): open ones by due time (`range` narrows to a bucket), or
 * finished ones by the time they closed (read newest first).
 */
export function recordTasksSource(
  entity: string,
  id: string,
  state: TaskState = 'OPEN',
  range?: { from?: string; to?: string },
): ListSource {
  return { index: 'gsi7', pk: taskRecordPartition(entity, id, state), ...(range ? { skRange: range } : {}) };
}

/** The GSI attributes of an activity: its record's timeline and its actor's recent activity. */
export function activityIndexKeys(a: {
  id: string;
  entity: string;
  entityId: string;
  occurredAt: string;
  actorId: string;
}): Record<string, string> {
  const sk = `${a.occurredAt}#${a.id}`;
  return {
    gsi1pk: activityRecordPartition(a.entity, a.entityId),
    gsi1sk: sk,
    gsi4pk: actorPartition(a.actorId),
    gsi4sk: sk,
  };
}

/** A record's activities (gsi1), newest first when read backwards; `below` continues a page. */
export function recordActivitiesSource(entity: string, id: string, below?: string): ListSource {
  return { index: 'gsi1', pk: activityRecordPartition(entity, id), ...(below ? { skBelow: below } : {}) };
}

/** One person's activities (gsi4), newest first when read backwards. */
export function actorActivitiesSource(userId: string): ListSource {
  return { index: 'gsi4', pk: actorPartition(userId) };
}

/**
 * The item of a record a task or activity is about. Each context builds its own keys; this only
 * picks the builder (a contract's key follows the same `<TYPE>#<id>` / `<TYPE>` shape).
 */
export function relatedRecordKey(entity: 'contact' | 'company' | 'deal' | 'contract', id: string): Key {
  switch (entity) {
    case 'contact':
    case 'company':
      return recordKeys.record(entity, id);
    case 'deal':
      return dealKeys.deal(id);
    case 'contract':
      return { pk: `${TYPE.contract}#${id}`, sk: TYPE.contract };
  }
}
