import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { measureCost } from '../../bench/measure.js';
import { type InvocationListener, type InvocationRecord, Invocations } from '../../infra/local/invocations.js';
import type { Runtime } from '../../infra/local/runtime.js';
import { dbUsage, emptyDbUsage, instrument } from '../../shared/db/metrics.js';

/**
 * The local runtime hosts every handler in one process: a sweep and the notifier consuming its
 * events run at the same time there. Each invocation must be charged only the DynamoDB requests it
 * made itself (the bench's per-operation budgets read them), whatever else runs meanwhile.
 */

/** A gate a test opens when it chooses: the step that makes two invocations overlap. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}

/** The real SDK and middleware stack, answering every request at once without a network. */
function offlineClient(): DynamoDBDocumentClient {
  const answer = JSON.stringify({ ConsumedCapacity: { TableName: 't', CapacityUnits: 1 } });
  return instrument(
    DynamoDBDocumentClient.from(
      new DynamoDBClient({
        region: 'local',
        endpoint: 'http://127.0.0.1:1',
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        requestHandler: {
          handle: async () => ({
            response: {
              statusCode: 200,
              headers: { 'content-type': 'application/x-amz-json-1.0' },
              body: new TextEncoder().encode(answer),
            },
          }),
        },
      }),
    ),
  );
}

describe('DynamoDB usage per invocation', () => {
  it('charges each of two overlapping invocations only the requests it made itself', async () => {
    const client = offlineClient();
    const get = () => client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
    const put = () => client.send(new PutCommand({ TableName: 't', Item: { pk: 'a', sk: 'b' } }));
    const sweepMidway = gate();
    const notifierDone = gate();
    const handlers: Record<string, () => Promise<unknown>> = {
      // One read, then (while it waits for the notifier to have run) one more read and a write.
      sweep: async () => {
        await get();
        sweepMidway.open();
        await notifierDone.opened;
        await Promise.all([get(), put()]);
      },
      // Three writes and a read, all while the sweep is under way.
      notifier: async () => {
        await sweepMidway.opened;
        await Promise.all([put(), put(), put(), get()]);
        notifierDone.open();
      },
    };
    const invocations = new Invocations((id) => handlers[id]!());
    const records: InvocationRecord[] = [];
    invocations.observe((r) => records.push(r));
    const before = dbUsage().requests;

    await Promise.all([invocations.by('schedule')('sweep', {}), invocations.by('stream')('notifier', {})]);

    const of = (id: string) => records.find((r) => r.functionId === id)!;
    expect(of('sweep')).toMatchObject({
      trigger: 'schedule',
      ok: true,
      dbUsage: { requests: 3, byCommand: { GetItemCommand: 2, PutItemCommand: 1 }, readCapacity: 2, writeCapacity: 1 },
    });
    expect(of('notifier')).toMatchObject({
      trigger: 'stream',
      ok: true,
      dbUsage: { requests: 4, byCommand: { GetItemCommand: 1, PutItemCommand: 3 }, readCapacity: 1, writeCapacity: 3 },
    });
    // The process-wide counter still sees every request.
    expect(dbUsage().requests - before).toBe(7);
    expect(invocations.counts).toEqual({ sweep: 1, notifier: 1 });
  });

  it('reports a failed invocation with what it spent before failing', async () => {
    const client = offlineClient();
    const invocations = new Invocations(async () => {
      await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'b' } }));
      throw new Error('the handler failed');
    });
    const records: InvocationRecord[] = [];
    const stop = invocations.observe((r) => records.push(r));

    await expect(invocations.by('api')('contacts', {})).rejects.toThrow('the handler failed');
    stop();
    await expect(invocations.by('api')('contacts', {})).rejects.toThrow('the handler failed');

    expect(records).toEqual([
      expect.objectContaining({
        functionId: 'contacts',
        trigger: 'api',
        ok: false,
        dbUsage: expect.objectContaining({ requests: 1 }),
      }),
    ]);
  });

  it('the bench charges an operation its own invocations, and the follow-up as background', async () => {
    const listeners = new Set<InvocationListener>();
    const ended = (trigger: InvocationRecord['trigger'], requests: number) => {
      for (const l of listeners)
        l({ functionId: trigger, trigger, ok: true, dbUsage: { ...emptyDbUsage(), requests } });
    };
    let followUp = 0;
    const runtime = {
      onInvocation: (listener: InvocationListener) => {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      // Draining runs what the operation left for the stream and the queues.
      drain: async () => {
        for (; followUp > 0; followUp--) ended('queue', 2);
      },
    } as unknown as Runtime;

    const { result, cost, background } = await measureCost(runtime, async () => {
      // The sweep (11 requests), with the notifier (5) and a bus consumer (1) ending during it.
      ended('stream', 5);
      ended('bus', 1);
      ended('schedule', 11);
      followUp = 2;
      return 'fired';
    });

    expect(result).toBe('fired');
    expect(cost.requests).toBe(11);
    expect(background.requests).toBe(5 + 1 + 2 * 2);
    expect(listeners.size).toBe(0);
  });
});
