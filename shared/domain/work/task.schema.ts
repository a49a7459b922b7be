import { isIsoDateOrDateTime } from '../common/dates.js';
import { id, pageQuery, text } from '../common/fields.js';
import * as z from '../common/zod.js';
import { isTimeZone } from '../notifications/reminder-times.js';

/**
 * Tasks: something one person has to do by a time, often about a record (a contact, company,
 * deal or contract). Events: task.created, task.updated, task.assigned (someone else was made
 * the assignee), task.completed, task.deleted, and task.due (the reminder sweep, at dueAt).
 */

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];
export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** What a task may be about. */
export const TASK_RELATED_ENTITIES = ['contact', 'company', 'deal', 'contract'] as const;
export type TaskRelatedEntity = (typeof TASK_RELATED_ENTITIES)[number];

/** A date-time with its zone (`2026-03-01T09:30:00+08:00`); a bare date has no time to remind at. */
export const dateTime = z.string().check(
  z.refine((v) => v.includes('T') && isIsoDateOrDateTime(v), {
    message: 'Must be a date-time with a zone, e.g. 2026-03-01T09:30:00+08:00',
  }),
);

export const relatedRef = z.strictObject({
  entity: z.enum(TASK_RELATED_ENTITIES),
  id,
});
export type RelatedRef = z.infer<typeof relatedRef>;

export const taskCreate = z.strictObject({
  title: text(200, 1),
  description: z.optional(text(4000)),
  dueAt: dateTime,
  /** Default: the caller. Sales reps may only assign to themselves (see assignment.ts). */
  assigneeId: z.optional(id),
  related: z.optional(relatedRef),
  priority: z._default(z.enum(TASK_PRIORITIES), 'normal'),
});
export type TaskCreate = z.infer<typeof taskCreate>;

export const taskPatch = z.strictObject({
  title: z.optional(text(200, 1)),
  description: z.optional(z.nullable(text(4000))),
  dueAt: z.optional(dateTime),
  assigneeId: z.optional(id),
  related: z.optional(z.nullable(relatedRef)),
  priority: z.optional(z.enum(TASK_PRIORITIES)),
  /** Reopen a done task, or cancel one; completing has its own route. */
  status: z.optional(z.enum(TASK_STATUSES)),
  version: z.optional(z.int().check(z.positive())),
});
export type TaskPatch = z.infer<typeof taskPatch>;

export const TASK_VIEWS = ['today', 'overdue', 'upcoming', 'open', 'done'] as const;
export type TaskView = (typeof TASK_VIEWS)[number];

/** An IANA zone such as Asia/Shanghai; "today" is the caller's day. */
export const timeZone = z
  .string()
  .check(z.refine(isTimeZone, { message: 'Must be an IANA time zone such as Asia/Shanghai' }));

/** `related=contact:<id>`: the tasks about one record. */
const relatedParam = z
  .string()
  .check(z.regex(new RegExp(`^(${TASK_RELATED_ENTITIES.join('|')}):[0-9A-Za-z_-]{1,64}$`), 'Must be <entity>:<id>'));

export const taskListQuery = z.strictObject({
  view: z._default(z.enum(TASK_VIEWS), 'open'),
  assigneeId: z.optional(id),
  /** A manager's team list (open or done tasks of the team's members). */
  teamId: z.optional(id),
  related: z.optional(relatedParam),
  tz: z._default(timeZone, 'UTC'),
  ...pageQuery,
});
export type TaskListQuery = z.infer<typeof taskListQuery>;

export const completeBody = z.strictObject({ version: z.optional(z.int().check(z.positive())) });

export interface Task {
  id: string;
  title: string;
  description?: string;
  dueAt: string;
  assigneeId: string;
  assigneeName: string;
  /** The assignee's team when it was assigned: whose managers see it. */
  teamId?: string;
  creatorId: string;
  creatorName: string;
  related?: RelatedRef & { name: string };
  priority: TaskPriority;
  status: TaskStatus;
  completedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}
