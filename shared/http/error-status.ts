import type { ErrorKind } from '../domain/common/errors.js';

/**
 * The HTTP status of each kind of typed error: the one place where the domain's vocabulary meets
 * HTTP. Exhaustive, so a new kind does not compile until it has a status.
 */
export function statusOf(kind: ErrorKind): number {
  switch (kind) {
    case 'bad_request':
      return 400;
    case 'unauthorized':
      return 401;
    case 'forbidden':
      return 403;
    case 'not_found':
      return 404;
    case 'conflict':
      return 409;
    case 'payload_too_large':
      return 413;
    case 'unprocessable':
      return 422;
    case 'precondition_required':
      return 428;
    case 'unavailable':
      return 503;
    case 'internal':
      return 500;
  }
}
