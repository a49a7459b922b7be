import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts DynamoDB requests and consumed capacity, per command. Always on (it is a few counters),
 * so that the bench and the tests can read what an API operation cost, and the tests can prove
 * that no request path ever sends a Scan.
 *
 * Two kinds of counter: the process-wide one (`dbUsage`), and the one of the work under way in an
 * async context (`countDbUsage`: the local runtime gives each function invocation its own), so
 * that when several invocations share this process (the local runtime hosts every handler) each
 * request is counted to the invocation that made it, not to whichever happened to be measured.
 */
export interface DbUsage {
  requests: number;
  byCommand: Record<string, number>;
  readCapacity: number;
  writeCapacity: number;
}

export function emptyDbUsage(): DbUsage {
  return { requests: 0, byCommand: {}, readCapacity: 0, writeCapacity: 0 };
}

const usage: DbUsage = emptyDbUsage();

/** The counter of the invocation this async context belongs to, if any. */
const scoped = new AsyncLocalStorage<DbUsage>();

export function dbUsage(): DbUsage {
  return structuredClone(usage);
}

export function resetDbUsage(): void {
  Object.assign(usage, emptyDbUsage());
}

/**
 * Runs `fn` with `into` as its own counter: every request made from `fn`'s async context (awaited
 * or not) is added to `into` as well as to the process-wide counter. Counters do not nest: work
 * that starts another counted run inside (an invocation made in-process) counts there, not here.
 */
export function countDbUsage<T>(into: DbUsage, fn: () => T): T {
  return scoped.run(into, fn);
}

/** Adds what one counter holds to another (a sum over invocations). */
export function addDbUsage(into: DbUsage, more: DbUsage): void {
  into.requests += more.requests;
  for (const [command, n] of Object.entries(more.byCommand))
    into.byCommand[command] = (into.byCommand[command] ?? 0) + n;
  into.readCapacity += more.readCapacity;
  into.writeCapacity += more.writeCapacity;
}

interface Capacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export function instrument(client: DynamoDBDocumentClient): DynamoDBDocumentClient {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? 'unknown';
      // Read once, at send: the request belongs to the invocation that sent it.
      const counters = [usage, scoped.getStore()].filter((c): c is DbUsage => c !== undefined);
      for (const c of counters) {
        c.requests += 1;
        c.byCommand[command] = (c.byCommand[command] ?? 0) + 1;
      }
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = output.ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        // DynamoDB Local reports CapacityUnits only; split by command kind.
        const total = c.CapacityUnits ?? 0;
        const explicit = c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined;
        const reads = /Get|Query|Scan/.test(command);
        const read = explicit ? (c.ReadCapacityUnits ?? 0) : reads ? total : 0;
        const write = explicit ? (c.WriteCapacityUnits ?? 0) : reads ? 0 : total;
        for (const counter of counters) {
          counter.readCapacity += read;
          counter.writeCapacity += write;
        }
      }
      return result;
    },
    { step: 'initialize', name: 'crmDbUsage' },
  );
  return client;
}
