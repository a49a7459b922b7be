import type { HttpResult } from './middleware/types.js';

/** A JSON response; API responses are never cached by browsers or CloudFront. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
    body: body === undefined ? '' : JSON.stringify(body),
  };
}

/** A response that is not JSON (CSV, plain text), likewise never cached. */
export function text(
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
    body,
  };
}
