import { ERRORS, type ErrorCode, type KindOf } from '../error-codes.js';

export type { ErrorCode } from '../error-codes.js';

import type { ErrorKind } from './error-kind.js';

export type { ErrorKind } from './error-kind.js';

/**
 * Typed errors, the domain's vocabulary for what went wrong. Only these reach a client, with their
 * code and message; anything else thrown is an unknown error, answered as a bare 500. The HTTP
 * status of each kind is shared/http's business (shared/http/error-status.ts), not the domain's.
 *
 * `code` is one declared in a context's catalogue (shared/domain/<context>/errors.ts), so an
 * undeclared code, or a kind other than the declared one, does not compile. `message` is for
 * people (English; the console shows its own text per code); without one, the catalogue's is used.
 */
export class AppError<C extends ErrorCode = ErrorCode> extends Error {
  readonly kind: ErrorKind;
  // Typed apart from C: `error instanceof AppError` narrows to AppError<any>, whose code must
  // still be the declared union so that comparisons with an undeclared code do not compile.
  readonly code: ErrorCode;

  constructor(
    kind: KindOf<C>,
    code: C,
    message: string = ERRORS[code].message,
    /** Field path (`address.country`) → what is wrong with it. */
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
    this.kind = kind as ErrorKind;
    this.code = code;
  }
}

/** The entities with a declared `<entity>.<suffix>` code. */
type EntityWith<Suffix extends string> = ErrorCode extends infer C
  ? C extends `${infer E}.${Suffix}`
    ? E
    : never
  : never;

/** Bad input; `fields` names each offending field. */
export const invalid = (fields: Record<string, string>, message?: string) =>
  new AppError('bad_request', 'request.validation_failed', message, fields);

export const notFound = (entity: EntityWith<'not_found'>) =>
  new AppError('not_found', `${entity}.not_found` as `${typeof entity}.not_found` & ErrorCode, `${entity} not found`);

/** A soft-deleted record that must be restored before it changes. */
export const deleted = (entity: EntityWith<'deleted'>) =>
  new AppError('conflict', `${entity}.deleted` as `${typeof entity}.deleted` & ErrorCode);

/** An edit based on a version that is no longer the stored one (optimistic concurrency). */
export const staleVersion = (entity: string, message?: string) =>
  new AppError(
    'conflict',
    'request.stale_version',
    message ?? `This ${entity} was changed by someone else; reload it and apply your change again`,
  );

export const forbidden = (message?: string) => new AppError('forbidden', 'auth.forbidden', message);

export const unauthorized = (message?: string) => new AppError('unauthorized', 'auth.unauthorized', message);

export const unavailable = () => new AppError('unavailable', 'service.unavailable');
