import { countDbUsage, type DbUsage, emptyDbUsage } from '../../shared/db/metrics.js';
import type { Invoke } from './bus.js';

/**
 * Every function invocation of the local runtime goes through here: it is counted (the status
 * page), it gets its own DynamoDB counter (the handlers share this process, so a process-wide
 * counter would mix up what concurrent invocations spent), and listeners hear of it once it ends.
 */

/**
 * What started an invocation: a client's request through the gateway or a schedule firing (the
 * operations a caller makes), or the asynchronous follow-up of earlier work (the table stream,
 * the bus, a queue).
 */
export type Trigger = 'api' | 'schedule' | 'stream' | 'bus' | 'queue';

export interface InvocationRecord {
  functionId: string;
  trigger: Trigger;
  ok: boolean;
  /** The DynamoDB requests this invocation made itself, whatever else ran meanwhile. */
  dbUsage: DbUsage;
}

export type InvocationListener = (record: InvocationRecord) => void;

export class Invocations {
  /** How many times each function ran. */
  readonly counts: Record<string, number> = {};
  private readonly listeners = new Set<InvocationListener>();

  constructor(private readonly call: Invoke) {}

  /** The invoke function handed to one trigger (the gateway, the scheduler, the bus, …). */
  by(trigger: Trigger): Invoke {
    return async (functionId, event) => {
      this.counts[functionId] = (this.counts[functionId] ?? 0) + 1;
      const dbUsage = emptyDbUsage();
      let ok = false;
      try {
        const result = await countDbUsage(dbUsage, () => this.call(functionId, event));
        ok = true;
        return result;
      } finally {
        for (const listener of this.listeners) listener({ functionId, trigger, ok, dbUsage });
      }
    };
  }

  /** Calls `listener` after every invocation from now on; answers the function that stops it. */
  observe(listener: InvocationListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
