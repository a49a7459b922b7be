import { randomUUID } from 'node:crypto';
import type { EventRuleDecl } from '../manifest.types.js';

/**
 * The local event bus: plays the EventBridge custom bus and its rules. Each event matching a
 * rule is delivered to the rule's function; a delivery that keeps failing lands in the dead-letter
 * list after `maxAttempts`, as a rule's DLQ would receive it in AWS.
 */
export interface BusEvent {
  version: '0';
  id: string;
  source: string;
  'detail-type': string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: unknown;
}

export interface DeadLetter {
  rule: string;
  event: BusEvent;
  error: string;
}

export type Invoke = (functionId: string, event: unknown) => Promise<unknown>;

export class LocalBus {
  readonly deadLetters: DeadLetter[] = [];
  readonly deliveries: { rule: string; eventId: string; detailType: string }[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly rules: readonly EventRuleDecl[],
    private readonly invoke: Invoke,
    private readonly retry = { maxAttempts: 3, baseDelayMs: 100 },
  ) {}

  /** PutEvents: accepts the entries and routes each to every matching rule. */
  put(entries: { source: string; detailType: string; detail: unknown; time?: string }[]): string[] {
    return entries.map((entry) => {
      const event: BusEvent = {
        version: '0',
        id: randomUUID(),
        source: entry.source,
        'detail-type': entry.detailType,
        account: '000000000000',
        time: entry.time ?? new Date().toISOString(),
        region: 'local',
        resources: [],
        detail: entry.detail,
      };
      for (const rule of this.rules) {
        if (rule.pattern.source.includes(event.source) && rule.pattern.detailType.includes(event['detail-type'])) {
          this.track(this.deliver(rule, event));
        }
      }
      return event.id;
    });
  }

  /** Resolves when every delivery under way (with its retries) has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  private track(delivery: Promise<void>): void {
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async deliver(rule: EventRuleDecl, event: BusEvent): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.invoke(rule.function, event);
        this.deliveries.push({ rule: rule.id, eventId: event.id, detailType: event['detail-type'] });
        return;
      } catch (error) {
        if (attempt >= this.retry.maxAttempts) {
          this.deadLetters.push({ rule: rule.id, event, error: (error as Error).message });
          return;
        }
        await new Promise((r) => setTimeout(r, this.retry.baseDelayMs * 2 ** (attempt - 1)));
      }
    }
  }
}
