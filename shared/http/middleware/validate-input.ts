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
      const fields: Record<string, string> = {};
      const parse = (schema: z.ZodMiniType | undefined, value: unknown, prefix: string) => {
        const result = (schema ?? NOTHING).safeParse(value, { reportInput: true });
        if (result.success) return result.data;
        Object.assign(fields, fieldErrors(result.error, prefix));
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
      if (Object.keys(fields).length > 0) throw invalid(fields);
      request.context.crm.input = { params, query, body };
    },
  };
}
