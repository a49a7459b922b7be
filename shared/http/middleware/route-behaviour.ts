import { idempotencyRequest } from '../../db/idempotency.js';
import { expectedVersion } from '../expected-version.js';
import type { CrmMiddleware } from './types.js';

/**
 * Applies what a route declares (RouteDef `versioned`, `idempotent`), once for every route, so no
 * handler parses If-Match or Idempotency-Key itself: a versioned route's handler receives
 * `version` (from the body's `version`, which leaves the body, or If-Match; neither → 428); an
 * idempotent route's receives the validated Idempotency-Key request (a malformed key → 400).
 */
export function routeBehaviour(): CrmMiddleware {
  return {
    before: (request) => {
      const { def } = request.context.crm.route!;
      const input = request.context.crm.input!;
      const header = (name: string) => headerOf(request.event.headers, name);
      if (def.versioned) {
        const body = input.body as { version?: number } | undefined;
        input.version = expectedVersion(body?.version, header('if-match'));
        if (body && 'version' in body) delete body.version;
      }
      if (def.idempotent) {
        input.idempotency = idempotencyRequest(
          request.context.crm.principal!.userId,
          header('idempotency-key'),
          input.body,
        );
      }
    },
  };
}

function headerOf(headers: Record<string, string | undefined> | undefined, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers ?? {})) if (key.toLowerCase() === name) return value;
  return undefined;
}
