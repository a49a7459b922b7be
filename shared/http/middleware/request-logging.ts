import { logger } from '../logger.js';
import type { CrmMiddleware, CrmRequest } from './types.js';

/**
 * Writes one access line per request. The request id and route are on it, and on every other
 * line the request logs, through the log context its handler runs in (createHandler,
 * `withLogContext`), never through keys set on the shared logger. Deliberately logs no body, query
 * string, header or claim other than the user id.
 */
export function requestLogging(): CrmMiddleware {
  // Per request: the handler serves concurrent requests in the local runtime.
  const started = new WeakMap<CrmRequest, number>();
  const done: CrmMiddleware['after'] = (request) => {
    logger.info('request completed', {
      status: request.response?.statusCode,
      durationMs: Date.now() - (started.get(request) ?? Date.now()),
      userId: request.context.crm.principal?.userId,
    });
  };
  return {
    before: (request) => {
      started.set(request, Date.now());
      request.context.crm = {};
    },
    after: done,
    onError: done,
  };
}
