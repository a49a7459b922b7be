/**
 * Typed errors, the domain's vocabulary for what went wrong. Only these reach a client, with their
 * code and message; anything else thrown is an unknown error, answered as a bare 500. The HTTP
 * status of each kind is shared/http's business (shared/http/error-status.ts), not the domain's.
 *
 * `code` is stable and machine-readable (`contact.email_taken`); `message` is for people.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'precondition_required'
  | 'unavailable';

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    /** Field path (`address.country`) → what is wrong with it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

/** Bad input; `fields` names each offending field. */
export const invalid = (fields: Record<string, string>, message = 'The request has invalid fields') =>
  new AppError('bad_request', 'validation_failed', message, fields);

export const notFound = (entity: string) => new AppError('not_found', `${entity}.not_found`, `${entity} not found`);

export const staleVersion = (entity: string) =>
  new AppError(
    'conflict',
    `${entity}.version_conflict`,
    `This ${entity} was changed by someone else; reload it and apply your change again`,
  );

export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', 'forbidden', message);

export const unauthorized = () =>
  new AppError('unauthorized', 'unauthorized', 'Sign in first: a valid bearer token is required');

export const unavailable = () =>
  new AppError('unavailable', 'service_unavailable', 'The service is busy; try again in a moment');
