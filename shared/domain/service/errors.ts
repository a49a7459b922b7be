import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of the service desk: business calendars, SLA policies, tickets. */
export const SERVICE_ERRORS = {
  'businessCalendar.not_found': { kind: 'not_found', message: 'businessCalendar not found' },
  'businessCalendar.no_open_hours': {
    kind: 'unprocessable',
    message: 'This calendar has no open hours in the next three years',
  },
  'slaPolicy.not_found': { kind: 'not_found', message: 'slaPolicy not found' },
} as const satisfies ErrorCatalogue;
