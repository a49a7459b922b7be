import { routesOf } from '../../infra/manifest.js';
import {
  deleteActivity,
  listActivities,
  logActivity,
  updateActivity,
} from '../../shared/app/work/activity-commands.js';
import { homePage } from '../../shared/app/work/home.js';
import {
  completeTask,
  createTask,
  deleteTask,
  readTaskOrThrow,
  updateTask,
} from '../../shared/app/work/task-commands.js';
import { listTasks } from '../../shared/app/work/task-queries.js';
import { toApiTask } from '../../shared/db/tasks.repository.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { activityCreate, activityListQuery, activityPatch } from '../../shared/domain/work/activity.schema.js';
import { homeQuery } from '../../shared/domain/work/home.js';
import { completeBody, taskCreate, taskListQuery, taskPatch } from '../../shared/domain/work/task.schema.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

const idParams = z.strictObject({ id });

/** Lambda entry of the work context: tasks, activities and the personal home page. */
export const handler = createHandler(routesOf('work'), {
  'GET /api/tasks': defineRoute({
    query: taskListQuery,
    handle: async ({ query, principal }) => ok(await listTasks(query, principal)),
  }),
  'POST /api/tasks': defineRoute({
    body: taskCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createTask(body, principal, idempotency),
  }),
  'GET /api/tasks/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => ok(toApiTask(await readTaskOrThrow(params.id, principal))),
  }),
  'PATCH /api/tasks/{id}': defineRoute({
    params: idParams,
    body: taskPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) => ok(await updateTask(params.id, body, version, principal)),
  }),
  'DELETE /api/tasks/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => {
      await deleteTask(params.id, principal);
      return noContent();
    },
  }),
  'POST /api/tasks/{id}/complete': defineRoute({
    params: idParams,
    body: completeBody,
    handle: async ({ params, body, principal }) => ok(await completeTask(params.id, body.version, principal)),
  }),
  'GET /api/activities': defineRoute({
    query: activityListQuery,
    handle: async ({ query, principal }) =>
      ok(await listActivities(query.entity, query.id, { cursor: query.cursor, limit: query.limit }, principal)),
  }),
  'POST /api/activities': defineRoute({
    body: activityCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => logActivity(body, principal, idempotency),
  }),
  'PATCH /api/activities/{id}': defineRoute({
    params: idParams,
    body: activityPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await updateActivity(params.id, body, version, principal)),
  }),
  'DELETE /api/activities/{id}': defineRoute({
    params: idParams,
    handle: async ({ params, principal }) => {
      await deleteActivity(params.id, principal);
      return noContent();
    },
  }),
  'GET /api/dashboard/home': defineRoute({
    query: homeQuery,
    handle: async ({ query, principal }) => ok(await homePage(principal, query.tz)),
  }),
});
