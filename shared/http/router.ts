import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { parseConfigAtColdStart } from '../config.js';
import { AppError } from '../domain/common/errors.js';
import { withLogContext } from './logger.js';
import { authorize } from './middleware/authorize.js';
import { httpErrors } from './middleware/http-errors.js';
import { jsonBody } from './middleware/json-body.js';
import { requestLogging } from './middleware/request-logging.js';
import { routeBehaviour } from './middleware/route-behaviour.js';
import {
  type CrmContext,
  type CrmMiddleware,
  type HttpEvent,
  type HttpResult,
  requestIdOf,
} from './middleware/types.js';
import { validateInput } from './middleware/validate-input.js';
import { binary, json, text } from './response.js';
import type { IdempotentInput, RouteContract, RouteDef, RouteInput, VersionedInput } from './route.js';
import { type FunctionRoutes, routeKey } from './route-decl.js';

/**
 * Builds a function's Lambda handler from its route definitions. The manifest is the source of
 * truth, passed in by the function (`routesOf('customers')`): at cold start the routes given must
 * be exactly the declared ones, so a route without a handler (or a handler without a route)
 * fails the init, and the tests.
 */
export function createHandler(
  declared: FunctionRoutes,
  routes: Record<string, RouteDef>,
  contracts?: Record<string, RouteContract>,
) {
  parseConfigAtColdStart();
  const table = routeTable(declared, routes);
  if (contracts) assertContractsKept(routes, contracts);

  const resolveRoute: CrmMiddleware = {
    before: (request) => {
      const route = table.get(request.event.routeKey);
      if (!route) throw new AppError('not_found', 'request.route_not_found', 'No such route');
      request.context.crm.route = route;
    },
  };

  const dispatch = async (event: HttpEvent, context: CrmContext): Promise<HttpResult> => {
    const { route, principal, input } = context.crm;
    // `version` and `idempotency` are set for the routes that declare them (route-behaviour.ts).
    const routeInput: RouteInput<unknown, unknown, unknown> & VersionedInput & IdempotentInput = {
      principal: principal!,
      params: input!.params,
      query: input!.query,
      body: input!.body,
      version: input!.version as number,
      idempotency: input!.idempotency,
      headers: lowerCaseHeaders(event.headers),
      requestId: event.requestContext?.requestId ?? 'unknown',
    };
    const result = await route!.def.handle(routeInput);
    const status = result.status ?? 200;
    if (result.raw) return text(status, result.raw.contentType, result.raw.text, result.headers);
    if (result.binary) return binary(status, result.binary.contentType, result.binary.bytes, result.headers);
    return json(status, result.body, result.headers);
  };

  const handler = middy<HttpEvent, HttpResult, Error, CrmContext>()
    .use(requestLogging())
    .use(httpErrors())
    .use(resolveRoute)
    .use(authorize())
    .use(jsonBody())
    .use(validateInput())
    .use(routeBehaviour())
    .handler(dispatch);

  // Each request runs in its own log context: every line it logs carries its id and route, even
  // while other requests are served by the same process (the local runtime, concurrent Lambda).
  return (event: HttpEvent, context: Context): Promise<HttpResult> =>
    withLogContext({ requestId: requestIdOf(event), route: event.routeKey }, () =>
      handler(event, context as CrmContext),
    );
}

/** The route keys this function serves, checked against the manifest. */
export function routeTable({ functionId, decls }: FunctionRoutes, routes: Record<string, RouteDef>) {
  const declared = new Set(decls.map(routeKey));
  const missing = [...declared].filter((key) => !routes[key]);
  const extra = Object.keys(routes).filter((key) => !declared.has(key));
  if (missing.length || extra.length) {
    throw new Error(
      `Routes of ${functionId} differ from the manifest: missing ${missing.join(', ') || 'none'}; not declared ${extra.join(', ') || 'none'}`,
    );
  }
  return new Map(decls.map((decl) => [routeKey(decl), { decl, def: routes[routeKey(decl)]! }]));
}

function lowerCaseHeaders(headers: HttpEvent['headers'] | undefined): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name.toLowerCase()] = value;
  return out;
}

const CONTRACT_PARTS = ['params', 'query', 'body', 'versioned', 'idempotent'] as const;

/**
 * The OpenAPI document is built from the contracts (shared/http/contracts), so a route that
 * validated with another schema than its contract would be documented wrongly: at cold start
 * every route must carry exactly its contract's schemas and behaviour (the same objects).
 */
export function assertContractsKept(routes: Record<string, RouteDef>, contracts: Record<string, RouteContract>) {
  const drifted = Object.entries(routes)
    .filter(([key, def]) => {
      const contract = contracts[key];
      return !contract || CONTRACT_PARTS.some((part) => (def[part] ?? false) !== (contract[part] ?? false));
    })
    .map(([key]) => key);
  if (drifted.length) throw new Error(`Routes differ from their contract: ${drifted.join(', ')}`);
}
