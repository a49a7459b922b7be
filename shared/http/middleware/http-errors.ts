import { AppError, unavailable } from '../../domain/common/errors.js';
import { ERRORS } from '../../domain/error-codes.js';
import type { ErrorBody } from '../error-body.js';
import { statusOf } from '../error-status.js';
import { logger } from '../logger.js';
import { json } from '../response.js';
import { type CrmMiddleware, requestIdOf } from './types.js';

/** Errors the SDK raises once its own retries are spent: the request may be retried later. */
const TRANSIENT = new Set([
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TransactionConflictException',
  'InternalServerError',
  'ServiceUnavailable',
]);

/**
 * Turns errors into responses. Only AppErrors are exposed (code, message, fields). AWS throttling
 * that survived the SDK's retries becomes a 503. Anything else is a 500 that reveals nothing; its
 * error name and stack frames are logged, not its message.
 */
export function httpErrors(): CrmMiddleware {
  return {
    onError: (request) => {
      const requestId = requestIdOf(request.event);
      let error = request.error;
      if (error && !(error instanceof AppError) && TRANSIENT.has(error.name)) {
        logger.warn('transient AWS error', { errorName: error.name });
        error = unavailable();
      }
      if (error instanceof AppError) {
        const body: ErrorBody = { error: { code: error.code, message: error.message }, requestId };
        if (error.fields) body.error.fields = error.fields;
        request.response = json(statusOf(error.kind), body, error.kind === 'unavailable' ? { 'retry-after': '1' } : {});
        return;
      }
      // The message may quote request data (an SDK error can echo a value); the frames cannot.
      const frames = error?.stack?.split('\n').slice(1).join('\n');
      logger.error('unhandled error', { errorName: error?.name, stack: frames });
      const { message } = ERRORS['internal.error'];
      const body: ErrorBody = { error: { code: 'internal.error', message }, requestId };
      request.response = json(500, body);
    },
  };
}
