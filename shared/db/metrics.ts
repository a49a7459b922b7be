import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Counts DynamoDB requests and consumed capacity, per command. Always on (it is a few counters),
 * so that the bench and the tests can read what an API operation cost, and the tests can prove
 * that no request path ever sends a Scan.
 */
export interface DbUsage {
  requests: number;
  byCommand: Record<string, number>;
  readCapacity: number;
  writeCapacity: number;
}

const usage: DbUsage = emptyUsage();

function emptyUsage(): DbUsage {
  return { requests: 0, byCommand: {}, readCapacity: 0, writeCapacity: 0 };
}

export function dbUsage(): DbUsage {
  return structuredClone(usage);
}

export function resetDbUsage(): void {
  Object.assign(usage, emptyUsage());
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
      usage.requests += 1;
      usage.byCommand[command] = (usage.byCommand[command] ?? 0) + 1;
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const output = result.output as { ConsumedCapacity?: Capacity | Capacity[] };
      const consumed = output.ConsumedCapacity;
      for (const c of Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) {
        // DynamoDB Local reports CapacityUnits only; split by command kind.
        const total = c.CapacityUnits ?? 0;
        if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
          usage.readCapacity += c.ReadCapacityUnits ?? 0;
          usage.writeCapacity += c.WriteCapacityUnits ?? 0;
        } else if (/Get|Query|Scan/.test(command)) usage.readCapacity += total;
        else usage.writeCapacity += total;
      }
      return result;
    },
    { step: 'initialize', name: 'crmDbUsage' },
  );
  return client;
}
