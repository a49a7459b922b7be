import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { activityCreate, activityListQuery, activityPatch } from '../../domain/work/activity.schema.js';
import { homeQuery } from '../../domain/work/home.js';
import { completeBody, taskCreate, taskListQuery, taskPatch } from '../../domain/work/task.schema.js';
import { routeContract } from '../route.js';

const idParams = z.strictObject({ id });

export const workApi = {
  'GET /api/tasks': routeContract({ query: taskListQuery }),
  'POST /api/tasks': routeContract({ body: taskCreate, idempotent: true }),
  'GET /api/tasks/{id}': routeContract({ params: idParams }),
  'PATCH /api/tasks/{id}': routeContract({ params: idParams, body: taskPatch, versioned: true }),
  'DELETE /api/tasks/{id}': routeContract({ params: idParams }),
  'POST /api/tasks/{id}/complete': routeContract({ params: idParams, body: completeBody }),
  'GET /api/activities': routeContract({ query: activityListQuery }),
  'POST /api/activities': routeContract({ body: activityCreate, idempotent: true }),
  'PATCH /api/activities/{id}': routeContract({ params: idParams, body: activityPatch, versioned: true }),
  'DELETE /api/activities/{id}': routeContract({ params: idParams }),
  'GET /api/dashboard/home': routeContract({ query: homeQuery }),
};
