import { SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';

/**
 * Sends messages to a manifest queue. Locally AWS_ENDPOINT_URL_SQS points this client at the
 * local runtime's queues. Batches of 10 (the API's limit); a failed entry throws, so the
 * caller's own retry (the scheduler's) sends the batch again and the idempotent consumer copes.
 */
let client: SQSClient | undefined;

/** The one SQS client of this process (tests inject send faults on it). */
export function queueClient(): SQSClient {
  client ??= new SQSClient({});
  return client;
}

export async function sendMessages(queueUrl: string, bodies: unknown[]): Promise<void> {
  const client = queueClient();
  for (let start = 0; start < bodies.length; start += 10) {
    const chunk = bodies.slice(start, start + 10);
    const out = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: chunk.map((body, i) => ({ Id: String(start + i), MessageBody: JSON.stringify(body) })),
      }),
    );
    if (out.Failed?.length) throw new Error(`${out.Failed.length} messages were not queued`);
  }
}
