import type { InvocationRecord, Trigger } from '../infra/local/invocations.js';
import type { Runtime } from '../infra/local/runtime.js';
import { addDbUsage, emptyDbUsage } from '../shared/db/metrics.js';
import type { ApiOperationResult, DbCost } from './types.js';

/**
 * How every bench module measures one operation: from the DynamoDB counter each function
 * invocation of the runtime keeps for itself (shared/db/metrics.ts, infra/local/invocations.ts).
 * The operation's own cost is what the invocations it made (its API request, or the schedule it
 * fired) sent; what the asynchronous follow-up (outbox relay, bus consumers, queues) sent is
 * reported next to it as `background`, not hidden, and never counted as the operation's, even
 * when a consumer runs while the operation is still under way. The runtime is drained before
 * each operation, so nothing left over from earlier work is counted either way, and after it,
 * so that its whole follow-up is.
 */

export interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** The signed-in principal's e-mail; admin@cirrus.local unless given. */
  as?: string;
}

export interface Response<T> {
  status: number;
  body: T;
}

export type Send = <T>(call: Call) => Promise<Response<T>>;
export type RequestBudget = NonNullable<ApiOperationResult['requestBudget']>;

export const DEFAULT_AS = 'admin@cirrus.local';

const round = (n: number) => Math.round(n * 100) / 100;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/** A request path as the report shows it: ids as {id}, the query string kept. */
export const pathWithQuery = (path: string) => path.replace(UUID, '{id}');
/** A request path as the report shows it: ids as {id}, without the query string (the route). */
export const routeOf = (path: string) => pathWithQuery(path).replace(/\?.*/, '');

/** The report's `as`: the e-mail's local part (admin, sales1, …). */
export const principalName = (email: string) => email.split('@')[0]!;

/** The invocations a caller makes itself; the other triggers are follow-up of earlier work. */
const OWN_TRIGGERS: ReadonlySet<Trigger> = new Set(['api', 'schedule']);

/**
 * Runs `run` alone on a drained runtime and returns what the invocations it made cost on their
 * own path (`cost`) and what its asynchronous follow-up cost until the runtime is drained again
 * (`background`). The bench sends one operation at a time and fires schedules only by hand, so
 * the API and schedule invocations that ran meanwhile are the operation's.
 */
export async function measureCost<R>(
  runtime: Runtime,
  run: () => Promise<R>,
): Promise<{ result: R; cost: DbCost; background: DbCost }> {
  await runtime.drain();
  const own = emptyDbUsage();
  const background = emptyDbUsage();
  const stop = runtime.onInvocation((r: InvocationRecord) =>
    addDbUsage(OWN_TRIGGERS.has(r.trigger) ? own : background, r.dbUsage),
  );
  try {
    const result = await run();
    const cost = structuredClone(own);
    await runtime.drain();
    return { result, cost, background: roundCost(background) };
  } finally {
    stop();
  }
}

const roundCost = (c: DbCost): DbCost => ({
  ...c,
  readCapacity: round(c.readCapacity),
  writeCapacity: round(c.writeCapacity),
});

/** Adds one measured operation to the report (its own cost's capacity rounded to 0.01). */
export function recordOperation(
  operations: ApiOperationResult[],
  op: Omit<ApiOperationResult, 'cost' | 'background' | 'requestBudget'> & { requestBudget?: RequestBudget },
  cost: DbCost,
  background: DbCost,
): void {
  const { requestBudget, ...rest } = op;
  operations.push({
    ...rest,
    cost: roundCost(cost),
    background,
    ...(requestBudget ? { requestBudget } : {}),
  });
}

/**
 * Signs every principal in first: the local provider reads its user store through the same
 * in-process DynamoDB client, and a sign-in must not be counted as the cost of an API call.
 */
export async function apiClient(runtime: Runtime, principals: readonly string[]): Promise<Send> {
  const tokens = new Map<string, string>();
  for (const email of principals) tokens.set(email, await runtime.token(email));
  const tokenFor = (email: string) => {
    const token = tokens.get(email);
    if (!token) throw new Error(`${email} was not signed in before measuring`);
    return token;
  };
  return async <T>(call: Call): Promise<Response<T>> => {
    const as = call.as ?? DEFAULT_AS;
    const res = await fetch(`${runtime.baseUrl}${call.path}`, {
      method: call.method,
      headers: {
        authorization: `Bearer ${tokenFor(as)}`,
        ...(call.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...call.headers,
      },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  };
}

export interface MeasureOptions {
  /** Whom a call without `as` is sent as (default admin@cirrus.local). */
  defaultAs?: string;
  /** How the report shows the path (default: the route, ids as {id}, no query string). */
  path?: (path: string) => string;
}

/**
 * The usual measurement of one API request: sends `call`, records its cost, background and
 * optional request budget into `operations`, and returns the response body for the next steps
 * (typed `Default` unless the call names its type).
 */
export function apiMeasurer<Default = unknown>(
  runtime: Runtime,
  send: Send,
  operations: ApiOperationResult[],
  options: MeasureOptions = {},
) {
  const defaultAs = options.defaultAs ?? DEFAULT_AS;
  const pathOf = options.path ?? routeOf;
  return async <T = Default>(
    name: string,
    call: Call,
    expectedStatus = 200,
    requestBudget?: RequestBudget,
  ): Promise<T> => {
    const as = call.as ?? defaultAs;
    const { result: res, cost, background } = await measureCost(runtime, () => send<T>({ ...call, as }));
    recordOperation(
      operations,
      {
        name,
        method: call.method,
        path: pathOf(call.path),
        as: principalName(as),
        status: res.status,
        expectedStatus,
        requestBudget,
      },
      cost,
      background,
    );
    return res.body;
  };
}
