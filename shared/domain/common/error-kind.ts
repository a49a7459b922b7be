/**
 * What kind of failure an error is; shared/http/error-status.ts gives each kind its HTTP status.
 * `internal` is the one kind never raised on purpose: it names the bare 500 of an unknown error.
 */
export type ErrorKind =
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'payload_too_large'
  | 'unprocessable'
  | 'precondition_required'
  | 'unavailable'
  | 'internal';

/** One declared error: its kind and the English message the API answers when a site gives none. */
export interface ErrorSpec {
  readonly kind: ErrorKind;
  readonly message: string;
}

/** A context's catalogue: code (`<context>.<snake_case>`) → spec. Declared `as const satisfies ErrorCatalogue`. */
export type ErrorCatalogue = Readonly<Record<string, ErrorSpec>>;
