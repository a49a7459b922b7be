import type { Permission } from '../auth/permissions.js';

/**
 * How a route is declared: the vocabulary the manifest (infra/manifest.ts) writes its routes in
 * and the router checks a function's route definitions against. It lives here, below both, so
 * the router gets its routes passed in and imports nothing from infra/.
 */
/** Who may call a route: staff (console), portal customers, or anyone (no token). */
export type Audience = 'staff' | 'portal' | 'public';
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteDecl<F extends string = string> {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/contacts/{id}`. */
  path: string;
  function: F;
  audience: Audience;
  /** Required permission; `null` only for public routes. */
  permission: Permission | null;
}

/** `GET /api/contacts/{id}`: the key API Gateway puts in `event.routeKey`. */
export function routeKey(route: Pick<RouteDecl, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** The routes one function serves, as the manifest declares them. */
export interface FunctionRoutes {
  functionId: string;
  decls: readonly RouteDecl[];
}
