import { logger } from '../logger.js';
import { type CrmMiddleware, requestIdOf } from './types.js';

/**
 * Tags every log line with the request id and route, and writes one access line per request.
 * Deliberately logs no body, query string, header or claim other than the user id.
 */
export function requestLogging(): CrmMiddleware {
  let started = 0;
  const done: CrmMiddleware['after'] = (request) => {
    logger.info('request completed', {
      status: request.response?.statusCode,
      durationMs: Date.now() - started,
      userId: request.context.crm.principal?.userId,
    });
  };
  return {
    before: (request) => {
      started = Date.now();
      request.context.crm = {};
      logger.resetKeys();
      logger.appendKeys({ requestId: requestIdOf(request.event), route: request.event.routeKey });
    },
    after: done,
    onError: done,
  };
}
