import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of quotas and forecasts. */
export const FORECAST_ERRORS = {
  'quota.out_of_scope': { kind: 'forbidden', message: 'You can set the quotas of your teams’ members only' },
} as const satisfies ErrorCatalogue;
