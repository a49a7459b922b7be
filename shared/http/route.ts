import type { Principal } from '../auth/principal.js';
import type { IdempotencyRequest } from '../db/idempotency.js';
import type * as z from '../domain/common/zod.js';

/** What a route's `handle` receives: validated input and the acting principal. */
export interface RouteInput<P, Q, B> {
  principal: Principal;
  params: P;
  query: Q;
  body: B;
  /** Lower-cased request headers. */
  headers: Readonly<Record<string, string | undefined>>;
  requestId: string;
}

export interface RouteResult {
  status?: number;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is instead of `body`, for what is not JSON (a CSV download). */
  raw?: { contentType: string; text: string };
  /** Sent as bytes (base64 with isBase64Encoded, as API Gateway expects), for a PDF download. */
  binary?: { contentType: string; bytes: Uint8Array };
  headers?: Record<string, string>;
}

type Schema = z.ZodMiniType;
type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

/** What a versioned route's handler gets: the version the client edits (body `version` or If-Match). */
export interface VersionedInput {
  version: number;
}
/** What an idempotent route's handler gets: the Idempotency-Key request, to write with the create. */
export interface IdempotentInput {
  idempotency: IdempotencyRequest | undefined;
}

export interface RouteDef<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  V extends boolean = boolean,
  I extends boolean = boolean,
> {
  params?: P;
  query?: Q;
  body?: B;
  /**
   * An edit under optimistic concurrency: the route-behaviour middleware takes the version from
   * the body's `version` (removed from the body) or If-Match; neither is a 428 `version_required`.
   */
  versioned?: V;
  /**
   * A create that honours Idempotency-Key: the middleware validates the key and hands the
   * command the request; the command replays a stored answer (same body) or 422s (another body),
   * and writes its answer in the create's own transaction.
   */
  idempotent?: I;
  handle(
    input: RouteInput<Out<P>, Out<Q>, Out<B>> &
      (V extends true ? VersionedInput : unknown) &
      (I extends true ? IdempotentInput : unknown),
  ): Promise<RouteResult>;
}

/**
 * A route's contract: its input schemas and behaviour, without the handler. Contracts live in
 * shared/http/contracts so the OpenAPI document (openapi.ts) reads the very schemas that validate
 * requests without loading any function's code; a handler spreads its contract into defineRoute.
 */
export type RouteContract<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  V extends boolean = boolean,
  I extends boolean = boolean,
> = Omit<RouteDef<P, Q, B, V, I>, 'handle'>;

export function routeContract<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  V extends boolean = false,
  I extends boolean = false,
>(contract: RouteContract<P, Q, B, V, I>): RouteContract<P, Q, B, V, I> {
  return contract;
}

/**
 * Declares a route's input schemas and behaviour next to its handler, so the same zod schema
 * validates the request and types the handler. Permission and audience come from the manifest.
 */
export function defineRoute<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  V extends boolean = false,
  I extends boolean = false,
>(def: RouteDef<P, Q, B, V, I>): RouteDef {
  return def as unknown as RouteDef;
}

export const ok = (body: unknown): RouteResult => ({ status: 200, body });
export const created = (body: unknown): RouteResult => ({ status: 201, body });
export const noContent = (): RouteResult => ({ status: 204 });

/** A file the browser saves rather than shows (`filename` is ours, never user input). */
export const download = (
  filename: string,
  contentType: string,
  text: string,
  headers: Record<string, string> = {},
): RouteResult => ({
  status: 200,
  raw: { contentType, text },
  headers: { 'content-disposition': `attachment; filename="${filename}"`, ...headers },
});

/** A binary file (a PDF) the browser saves; `filename` is ours (ASCII), never user input. */
export const binaryDownload = (filename: string, contentType: string, bytes: Uint8Array): RouteResult => ({
  status: 200,
  binary: { contentType, bytes },
  headers: { 'content-disposition': `attachment; filename="${filename}"` },
});
