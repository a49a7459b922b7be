import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { required } from '../config.js';

/**
 * Puts events on the CRM bus. Locally AWS_ENDPOINT_URL_EVENTBRIDGE points this same client at the
 * local runtime's bus, which speaks the PutEvents API.
 */
let client: EventBridgeClient | undefined;

export interface OutgoingEvent {
  source: string;
  detailType: string;
  detail: unknown;
  time: string;
}

/** Publishes events in batches of 10 (the API's limit); returns the indexes that failed. */
export async function publishEvents(events: OutgoingEvent[]): Promise<number[]> {
  client ??= new EventBridgeClient({});
  const failed: number[] = [];
  for (let start = 0; start < events.length; start += 10) {
    const chunk = events.slice(start, start + 10);
    const entries: PutEventsRequestEntry[] = chunk.map((e) => ({
      EventBusName: required('EVENT_BUS_NAME'),
      Source: e.source,
      DetailType: e.detailType,
      Detail: JSON.stringify(e.detail),
      Time: new Date(e.time),
    }));
    try {
      const out = await client.send(new PutEventsCommand({ Entries: entries }));
      out.Entries?.forEach((entry, i) => {
        if (entry.ErrorCode) failed.push(start + i);
      });
    } catch {
      for (let i = 0; i < chunk.length; i++) failed.push(start + i);
    }
  }
  return failed;
}
