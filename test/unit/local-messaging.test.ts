import type { SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { LocalBus } from '../../infra/local/bus.js';
import { LocalQueues } from '../../infra/local/queues.js';
import type { QueueDecl } from '../../infra/manifest.types.js';

/** The local runtime's queue and bus semantics that the next issues' consumers rely on. */
const queue: QueueDecl = {
  id: 'work',
  consumer: 'worker',
  batchSize: 2,
  maxConcurrency: 1,
  visibilityTimeoutSeconds: 30,
  maxReceiveCount: 3,
};

function queuesWith(consumer: (event: SQSEvent) => Promise<unknown>) {
  return new LocalQueues([queue], 'http://local', (_fn, event) => consumer(event as SQSEvent), 0.0001);
}

async function settle(queues: LocalQueues, rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    await queues.idle();
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('local queues', () => {
  it('delivers messages in batches no larger than batchSize', async () => {
    const sizes: number[] = [];
    const queues = queuesWith(async (e) => {
      sizes.push(e.Records.length);
    });
    queues.send(queues.urlOf('work'), ['a', 'b', 'c', 'd', 'e']);
    await settle(queues);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2);
    expect(queues.stats()[0]).toMatchObject({ waiting: 0, processed: 5, deadLetters: [] });
  });

  it('redelivers only the messages a consumer reports as failed', async () => {
    const seen: string[] = [];
    let failedOnce = false;
    const queues = queuesWith(async (e) => {
      seen.push(...e.Records.map((r) => r.body));
      const bad = e.Records.find((r) => r.body === 'flaky');
      if (bad && !failedOnce) {
        failedOnce = true;
        return { batchItemFailures: [{ itemIdentifier: bad.messageId }] };
      }
      return { batchItemFailures: [] };
    });
    queues.send(queues.urlOf('work'), ['ok', 'flaky']);
    await settle(queues);
    expect(seen.filter((b) => b === 'ok')).toHaveLength(1);
    expect(seen.filter((b) => b === 'flaky')).toHaveLength(2);
    expect(queues.stats()[0]!.processed).toBe(2);
  });

  it('moves a message that keeps failing to the dead-letter list after maxReceiveCount receives', async () => {
    let calls = 0;
    const queues = queuesWith(async () => {
      calls += 1;
      throw new Error('consumer down');
    });
    queues.send(queues.urlOf('work'), ['poison']);
    await settle(queues, 30);
    expect(calls).toBe(3);
    expect(queues.stats()[0]!.deadLetters).toEqual([expect.objectContaining({ body: 'poison', receiveCount: 3 })]);
  });

  it('refuses a message for a queue the manifest does not declare', () => {
    const queues = queuesWith(async () => undefined);
    expect(() => queues.send('http://local/local/queues/nope', ['x'])).toThrow(/No queue/);
  });
});

describe('local bus', () => {
  const rules = [
    {
      id: 'r1',
      pattern: { source: ['cirrus.crm'], detailType: ['contact.assigned'] },
      function: 'notify',
      description: '',
    },
  ];

  it('routes an event to the rules whose pattern matches, and to no other', async () => {
    const got: unknown[] = [];
    const bus = new LocalBus(rules, async (fn, event) =>
      got.push([fn, (event as { 'detail-type': string })['detail-type']]),
    );
    bus.put([
      { source: 'cirrus.crm', detailType: 'contact.assigned', detail: {} },
      { source: 'cirrus.crm', detailType: 'contact.updated', detail: {} },
      { source: 'other', detailType: 'contact.assigned', detail: {} },
    ]);
    await bus.idle();
    expect(got).toEqual([['notify', 'contact.assigned']]);
  });

  it('retries a failing target and then dead-letters the event', async () => {
    let calls = 0;
    const bus = new LocalBus(
      rules,
      async () => {
        calls += 1;
        throw new Error('target down');
      },
      { maxAttempts: 3, baseDelayMs: 1 },
    );
    bus.put([{ source: 'cirrus.crm', detailType: 'contact.assigned', detail: { id: 'a1' } }]);
    await bus.idle();
    expect(calls).toBe(3);
    expect(bus.deadLetters).toHaveLength(1);
    expect(bus.deadLetters[0]!.rule).toBe('r1');
  });
});
