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

/** Bytes (a PDF): API Gateway (and the local gateway) decode a base64 body marked isBase64Encoded. */
export function binary(
  status: number,
  contentType: string,
  bytes: Uint8Array,
  headers: Record<string, string> = {},
): HttpResult {
  return {
    statusCode: status,
    headers: { 'content-type': contentType, 'cache-control': 'no-store', ...headers },
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64'),
    isBase64Encoded: true,
  };
}
