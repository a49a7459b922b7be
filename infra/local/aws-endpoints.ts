import { createHash, randomUUID } from 'node:crypto';
import type { LocalBus } from './bus.js';
import type { LocalQueues } from './queues.js';

/**
 * The few AWS JSON-protocol operations our functions call, served locally so that the real SDK
 * clients (EventBridgeClient, SQSClient) run unchanged, pointed here by AWS_ENDPOINT_URL_*.
 */
export interface AwsCall {
  target: string;
  body: Record<string, unknown>;
}

export function eventBridgeCall(bus: LocalBus, call: AwsCall): { status: number; body: unknown } {
  if (call.target !== 'AWSEvents.PutEvents') return unsupported(call.target);
  const entries =
    (call.body.Entries as { Source: string; DetailType: string; Detail: string; Time?: number | string }[]) ?? [];
  const ids = bus.put(
    entries.map((e) => ({
      source: e.Source,
      detailType: e.DetailType,
      detail: JSON.parse(e.Detail),
      time:
        e.Time === undefined ? undefined : new Date(typeof e.Time === 'number' ? e.Time * 1000 : e.Time).toISOString(),
    })),
  );
  return { status: 200, body: { FailedEntryCount: 0, Entries: ids.map((EventId) => ({ EventId })) } };
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

export function sqsCall(queues: LocalQueues, call: AwsCall): { status: number; body: unknown } {
  const url = String(call.body.QueueUrl ?? '');
  if (call.target === 'AmazonSQS.SendMessage') {
    const body = String(call.body.MessageBody);
    const [MessageId] = queues.send(url, [body]);
    return { status: 200, body: { MessageId, MD5OfMessageBody: md5(body) } };
  }
  if (call.target === 'AmazonSQS.SendMessageBatch') {
    const entries = (call.body.Entries as { Id: string; MessageBody: string }[]) ?? [];
    const ids = queues.send(
      url,
      entries.map((e) => e.MessageBody),
    );
    return {
      status: 200,
      body: {
        Successful: entries.map((e, i) => ({
          Id: e.Id,
          MessageId: ids[i] ?? randomUUID(),
          MD5OfMessageBody: md5(e.MessageBody),
        })),
        Failed: [],
      },
    };
  }
  return unsupported(call.target);
}

function unsupported(target: string) {
  return { status: 400, body: { __type: 'UnknownOperationException', message: `${target} is not served locally` } };
}
