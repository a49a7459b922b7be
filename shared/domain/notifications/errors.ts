import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of notifications and reminders (mostly guards a sweep swallows: sent once, read once). */
export const NOTIFICATION_ERRORS = {
  'notification.not_found': { kind: 'not_found', message: 'notification not found' },
  'notification.exists': { kind: 'conflict', message: 'Already notified' },
  'notification.already_read': { kind: 'conflict', message: 'Already read' },
  'reminder.already_fired': { kind: 'conflict', message: 'Reminder already fired' },
} as const satisfies ErrorCatalogue;
