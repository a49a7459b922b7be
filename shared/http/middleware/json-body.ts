import { AppError } from '../../domain/common/errors.js';
import type { CrmMiddleware } from './types.js';

/** Larger bodies are refused before parsing: no CRM record comes close. */
export const MAX_BODY_BYTES = 100 * 1024;

/** Parses a JSON body within a size limit: too big → 413, malformed → 400. */
export function jsonBody(maxBytes = MAX_BODY_BYTES): CrmMiddleware {
  return {
    before: (request) => {
      const { body, isBase64Encoded } = request.event;
      if (body === undefined || body === null || body === '') return;
      const raw = isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
      if (raw.byteLength > maxBytes) {
        throw new AppError(
          'payload_too_large',
          'request.body_too_large',
          `The body is ${raw.byteLength} bytes; at most ${maxBytes} are accepted`,
        );
      }
      try {
        request.context.crm.rawBody = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new AppError('bad_request', 'request.invalid_json', undefined, { body: 'Must be valid JSON' });
      }
    },
  };
}
