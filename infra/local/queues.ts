import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { QueueDecl } from '../manifest.types.js';
import type { Invoke } from './bus.js';

/**
 * Local SQS queues with the semantics the consumers rely on: batches up to `batchSize`, at most
 * `maxConcurrency` batches at once, failed messages (thrown batch, or listed in
 * batchItemFailures) reappear after the visibility timeout, and move to the dead-letter list
 * after `maxReceiveCount` receives.
 */
interface Message {
  id: string;
  body: string;
  receiveCount: number;
  visibleAt: number;
  sentAt: number;
}

export interface QueueStats {
  id: string;
  waiting: number;
  inFlight: number;
  deadLetters: { id: string; body: string; receiveCount: number }[];
  processed: number;
}

class LocalQueue {
  readonly messages: Message[] = [];
  readonly deadLetters: Message[] = [];
  running = 0;
  processed = 0;
  constructor(readonly decl: QueueDecl) {}
}

/** How far ahead idle() waits for a message to become visible again (see idle). */
const IDLE_HORIZON_MS = 2_000;

export class LocalQueues {
  private readonly queues = new Map<string, LocalQueue>();
  private timer: NodeJS.Timeout | undefined;
  private readonly batches = new Set<Promise<void>>();

  constructor(
    decls: readonly QueueDecl[],
    private readonly baseUrl: string,
    private readonly invoke: Invoke,
    /** Multiplies visibility timeouts; tests shrink them to milliseconds. */
    private readonly visibilityScale = 1,
  ) {
    for (const d of decls) this.queues.set(d.id, new LocalQueue(d));
  }

  urlOf(queueId: string): string {
    return `${this.baseUrl}/local/queues/${queueId}`;
  }

  /** SendMessage(Batch) by queue URL; returns message ids. */
  send(queueUrl: string, bodies: string[]): string[] {
    const queue = this.queues.get(queueUrl.split('/').pop() ?? '');
    if (!queue) throw new Error(`No queue at ${queueUrl}`);
    return bodies.map((body) => {
      const message = { id: randomUUID(), body, receiveCount: 0, visibleAt: 0, sentAt: Date.now() };
      queue.messages.push(message);
      return message.id;
    });
  }

  start(pollMs = 50): void {
    this.timer = setInterval(() => this.poll(), pollMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  stats(): QueueStats[] {
    return [...this.queues.values()].map((q) => ({
      id: q.decl.id,
      waiting: q.messages.length,
      inFlight: q.running,
      deadLetters: q.deadLetters.map(({ id, body, receiveCount }) => ({ id, body, receiveCount })),
      processed: q.processed,
    }));
  }

  /**
   * Resolves when no batch is running and no message is visible now or about to be: a message
   * back on the queue (a page that came too early, a failed batch) whose visibility timeout ends
   * within IDLE_HORIZON_MS is waited for, so a test's drain does not stop halfway through a job.
   * Longer timeouts (npm start's real ones) are not waited for.
   */
  async idle(): Promise<void> {
    for (;;) {
      this.poll();
      if (this.batches.size > 0) {
        await Promise.allSettled([...this.batches]);
        continue;
      }
      const now = Date.now();
      const next = Math.min(...[...this.queues.values()].flatMap((q) => q.messages.map((m) => m.visibleAt)));
      if (next <= now) continue;
      if (next - now > IDLE_HORIZON_MS) return;
      await new Promise((resolve) => setTimeout(resolve, next - now));
    }
  }

  private poll(): void {
    const now = Date.now();
    for (const queue of this.queues.values()) {
      while (queue.running < queue.decl.maxConcurrency) {
        const batch = queue.messages.filter((m) => m.visibleAt <= now).slice(0, queue.decl.batchSize);
        if (batch.length === 0) break;
        const visibleAgain = now + queue.decl.visibilityTimeoutSeconds * 1000 * this.visibilityScale;
        for (const m of batch) {
          m.receiveCount += 1;
          m.visibleAt = visibleAgain;
        }
        queue.running += 1;
        const run = this.runBatch(queue, batch).finally(() => {
          queue.running -= 1;
          this.batches.delete(run);
        });
        this.batches.add(run);
      }
    }
  }

  private async runBatch(queue: LocalQueue, batch: Message[]): Promise<void> {
    const event: SQSEvent = {
      Records: batch.map((m) => ({
        messageId: m.id,
        receiptHandle: m.id,
        body: m.body,
        attributes: {
          ApproximateReceiveCount: String(m.receiveCount),
          SentTimestamp: String(m.sentAt),
          SenderId: 'local',
          ApproximateFirstReceiveTimestamp: String(Date.now()),
        },
        messageAttributes: {},
        md5OfBody: '',
        eventSource: 'aws:sqs',
        eventSourceARN: `arn:aws:sqs:local:000000000000:${queue.decl.id}`,
        awsRegion: 'local',
      })),
    };
    let failed: Set<string>;
    try {
      const result = (await this.invoke(queue.decl.consumer, event)) as SQSBatchResponse | undefined;
      failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    } catch {
      failed = new Set(batch.map((m) => m.id));
    }
    for (const m of batch) {
      if (!failed.has(m.id)) {
        queue.messages.splice(queue.messages.indexOf(m), 1);
        queue.processed += 1;
      } else if (m.receiveCount >= queue.decl.maxReceiveCount) {
        queue.messages.splice(queue.messages.indexOf(m), 1);
        queue.deadLetters.push(m);
      }
    }
  }
}
