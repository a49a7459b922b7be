import type { ErrorCatalogue } from './error-kind.js';

/**
 * Errors of no bounded context: the request pipeline (`request.*`), sign-in and permissions
 * (`auth.*`), record ownership shared by every owned record (`record.*`), background jobs
 * (`job.*`) and the service itself (`service.*`, `internal.*`).
 */
export const REQUEST_ERRORS = {
  'request.validation_failed': { kind: 'bad_request', message: 'The request has invalid fields' },
  'request.invalid_json': { kind: 'bad_request', message: 'The body is not valid JSON' },
  'request.body_too_large': { kind: 'payload_too_large', message: 'The body is too large' },
  'request.version_required': {
    kind: 'precondition_required',
    message: 'Send the version you are editing: body "version" or an If-Match header',
  },
  'request.stale_version': {
    kind: 'conflict',
    message: 'This record was changed by someone else; reload it and apply your change again',
  },
  'request.idempotency_key_reused': {
    kind: 'unprocessable',
    message: 'This Idempotency-Key was already used for a different request',
  },
  'request.idempotency_in_progress': {
    kind: 'conflict',
    message: 'A request with this Idempotency-Key is in progress; retry',
  },
  'request.route_not_found': { kind: 'not_found', message: 'No such route' },
  'auth.unauthorized': { kind: 'unauthorized', message: 'Sign in first: a valid bearer token is required' },
  'auth.forbidden': { kind: 'forbidden', message: 'Your role does not allow this' },
  'record.assign_forbidden': { kind: 'forbidden', message: 'Your role cannot assign this record to that owner' },
  'job.not_found': { kind: 'not_found', message: 'job not found' },
  'service.unavailable': { kind: 'unavailable', message: 'The service is busy; try again in a moment' },
  'internal.error': { kind: 'internal', message: 'Something went wrong on our side' },
} as const satisfies ErrorCatalogue;
