import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2WithJWTAuthorizer, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Principal } from '../../auth/principal.js';
import type { IdempotencyRequest } from '../../db/idempotency.js';
import type { RouteDef } from '../route.js';
import type { RouteDecl } from '../route-decl.js';

export type HttpEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
export type HttpResult = APIGatewayProxyStructuredResultV2;

/** What the middlewares learn about a request, step by step, before the route runs. */
export interface CrmState {
  route?: { decl: RouteDecl; def: RouteDef };
  rawBody?: unknown;
  principal?: Principal;
  input?: {
    params: unknown;
    query: unknown;
    body: unknown;
    /** A versioned route's expected version (route-behaviour.ts). */
    version?: number;
    /** An idempotent route's Idempotency-Key request, when the client sent one. */
    idempotency?: IdempotencyRequest;
  };
}

export type CrmContext = Context & { crm: CrmState };
export type CrmRequest = Request<HttpEvent, HttpResult, Error, CrmContext>;
export type CrmMiddleware = MiddlewareObj<HttpEvent, HttpResult, Error, CrmContext>;

export function requestIdOf(event: HttpEvent): string {
  return event.requestContext?.requestId ?? 'unknown';
}
