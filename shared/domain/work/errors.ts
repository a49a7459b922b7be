import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of tasks and activities. */
export const WORK_ERRORS = {
  'task.not_found': { kind: 'not_found', message: 'task not found' },
  'task.delete_forbidden': {
    kind: 'forbidden',
    message: 'Only the creator, a manager of its team or an admin may delete a task',
  },
  'task.team_forbidden': { kind: 'forbidden', message: 'Only managers of this team and admins see its tasks' },
  'task.assign_forbidden': { kind: 'forbidden', message: 'You cannot assign this task to that user' },
  'activity.not_found': { kind: 'not_found', message: 'activity not found' },
  'activity.author_only': { kind: 'forbidden', message: 'Only its author or an admin may change an activity' },
} as const satisfies ErrorCatalogue;
