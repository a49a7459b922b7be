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
import { workApi } from '../../shared/http/contracts/work.contract.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the work context: tasks, activities and the personal home page. */
export const handler = createHandler(
  routesOf('work'),
  {
    'GET /api/tasks': defineRoute({
      ...workApi['GET /api/tasks'],
      handle: async ({ query, principal }) => ok(await listTasks(query, principal)),
    }),
    'POST /api/tasks': defineRoute({
      ...workApi['POST /api/tasks'],
      handle: async ({ body, principal, idempotency }) => createTask(body, principal, idempotency),
    }),
    'GET /api/tasks/{id}': defineRoute({
      ...workApi['GET /api/tasks/{id}'],
      handle: async ({ params, principal }) => ok(toApiTask(await readTaskOrThrow(params.id, principal))),
    }),
    'PATCH /api/tasks/{id}': defineRoute({
      ...workApi['PATCH /api/tasks/{id}'],
      handle: async ({ params, body, version, principal }) => ok(await updateTask(params.id, body, version, principal)),
    }),
    'DELETE /api/tasks/{id}': defineRoute({
      ...workApi['DELETE /api/tasks/{id}'],
      handle: async ({ params, principal }) => {
        await deleteTask(params.id, principal);
        return noContent();
      },
    }),
    'POST /api/tasks/{id}/complete': defineRoute({
      ...workApi['POST /api/tasks/{id}/complete'],
      handle: async ({ params, body, principal }) => ok(await completeTask(params.id, body.version, principal)),
    }),
    'GET /api/activities': defineRoute({
      ...workApi['GET /api/activities'],
      handle: async ({ query, principal }) =>
        ok(await listActivities(query.entity, query.id, { cursor: query.cursor, limit: query.limit }, principal)),
    }),
    'POST /api/activities': defineRoute({
      ...workApi['POST /api/activities'],
      handle: async ({ body, principal, idempotency }) => logActivity(body, principal, idempotency),
    }),
    'PATCH /api/activities/{id}': defineRoute({
      ...workApi['PATCH /api/activities/{id}'],
      handle: async ({ params, body, version, principal }) =>
        ok(await updateActivity(params.id, body, version, principal)),
    }),
    'DELETE /api/activities/{id}': defineRoute({
      ...workApi['DELETE /api/activities/{id}'],
      handle: async ({ params, principal }) => {
        await deleteActivity(params.id, principal);
        return noContent();
      },
    }),
    'GET /api/dashboard/home': defineRoute({
      ...workApi['GET /api/dashboard/home'],
      handle: async ({ query, principal }) => ok(await homePage(principal, query.tz)),
    }),
  },
  workApi,
);
