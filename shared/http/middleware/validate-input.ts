import { invalid } from '../../domain/common/errors.js';
import * as z from '../../domain/common/zod.js';
import { fieldErrors } from '../validation.js';
import type { CrmMiddleware } from './types.js';

const NOTHING = z.strictObject({});

/**
 * Strict zod validation of path, query and body against the route's schemas. A route without a
 * schema for a part accepts none of it: an unexpected query parameter or body is a 400 too.
 */
export function validateInput(): CrmMiddleware {
  return {
    before: (request) => {
      const { def } = request.context.crm.route!;
      const { event } = request;
      // Each failed part's field errors. Whether a part failed is its own fact, not "some field
      // was named": merged with Object.entries, so a `__proto__` field cannot be lost on the way.
      const failures: Record<string, string>[] = [];
      const parse = (schema: z.ZodMiniType | undefined, value: unknown, prefix: string) => {
        const result = (schema ?? NOTHING).safeParse(value, { reportInput: true });
        if (result.success) return result.data;
        failures.push(fieldErrors(result.error, prefix));
        return undefined;
      };
      const params = parse(def.params, event.pathParameters ?? {}, '');
      const query = parse(def.query, event.queryStringParameters ?? {}, '');
      const rawBody = request.context.crm.rawBody;
      const body = def.body
        ? parse(def.body, rawBody ?? {}, '')
        : rawBody === undefined
          ? undefined
          : parse(undefined, rawBody, '');
      if (failures.length > 0) throw invalid(Object.fromEntries(failures.flatMap((f) => Object.entries(f))));
      request.context.crm.input = { params, query, body };
    },
  };
}
