import type { TFunction } from 'i18next';
import type { ErrorBody } from '../../../../shared/http/error-body.js';

/** The shape of a declared API error code (`<context>.<snake_case>`); anything else is not looked up. */
const CODE = /^[a-z][a-zA-Z]*\.[a-z][a-z0-9_]*$/;

/**
 * An error answer of the API (`{ error: { code, message, fields? }, requestId }`), or a request
 * that never got an answer (status 0, code `network_error`).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Field path (`email`, `address.country`, `customFields.industry`) → what is wrong with it. */
    readonly fields: Record<string, string> = {},
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Someone else saved the record since it was loaded (`request.stale_version`). */
  get isVersionConflict(): boolean {
    return this.status === 409 && this.code === 'request.stale_version';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  get isForbidden(): boolean {
    return this.status === 403;
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Worth retrying: the request may succeed unchanged (network, throttling, server trouble). */
  get isTransient(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500;
  }
}

/**
 * What went wrong, in the user's language: the console's text for the code
 * (i18n/api-errors.ts), else (a code this build does not know, a proxy's answer) the API's own
 * message.
 */
export function localizedMessage(error: ApiError, t: TFunction): string {
  if (!CODE.test(error.code)) return error.message;
  return t(`apiErrors.${error.code}` as never, { defaultValue: error.message });
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
}

export async function apiErrorFrom(response: Response): Promise<ApiError> {
  const text = await response.text().catch(() => '');
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (isErrorBody(body)) {
    const { code, message, fields } = body.error;
    return new ApiError(response.status, code, message || response.statusText, fields ?? {}, body.requestId);
  }
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `HTTP ${response.status}`);
}
