import {
  type _Record,
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { StreamDecl } from '../manifest.types.js';
import type { Invoke } from './bus.js';

/**
 * Plays the Lambda event source mapping of the table stream: reads every shard of DynamoDB
 * Local's stream, keeps only the records the manifest's filter lets through (new items of
 * `itemType`), and hands them to the function in batches. A batch item failure is retried from
 * that record, like bisect/retry on AWS; after `maxAttempts` the record is set aside.
 */
export class StreamPoller {
  readonly failedRecords: { sequenceNumber: string; error: string }[] = [];
  private readonly iterators = new Map<string, string | undefined>();
  private readonly client: DynamoDBStreamsClient;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<number> | undefined;

  constructor(
    endpoint: string,
    private readonly streamArn: string,
    private readonly decl: StreamDecl,
    private readonly invoke: Invoke,
    private readonly maxAttempts = 3,
  ) {
    this.client = new DynamoDBStreamsClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
  }

  start(intervalMs = 200): void {
    this.timer = setInterval(() => void this.pollOnce().catch(() => undefined), intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }

  /** Reads every shard once and delivers what it found; returns how many records were read. */
  pollOnce(): Promise<number> {
    this.polling ??= this.readShards().finally(() => {
      this.polling = undefined;
    });
    return this.polling;
  }

  /** Resolves once a full pass over the stream finds nothing new. */
  async idle(): Promise<void> {
    while ((await this.pollOnce()) > 0 || (await this.pollOnce()) > 0) {
      // keep reading until two passes in a row are empty
    }
  }

  private async readShards(): Promise<number> {
    const described = await this.client.send(new DescribeStreamCommand({ StreamArn: this.streamArn }));
    let read = 0;
    for (const shard of described.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!this.iterators.has(shardId)) {
        const it = await this.client.send(
          new GetShardIteratorCommand({
            StreamArn: this.streamArn,
            ShardId: shardId,
            ShardIteratorType: 'TRIM_HORIZON',
          }),
        );
        this.iterators.set(shardId, it.ShardIterator);
      }
      let iterator = this.iterators.get(shardId);
      while (iterator) {
        const out = await this.client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        const records = out.Records ?? [];
        read += records.length;
        await this.deliver(records);
        iterator = out.NextShardIterator;
        this.iterators.set(shardId, iterator);
        if (records.length === 0) break;
      }
    }
    return read;
  }

  private async deliver(records: _Record[]): Promise<void> {
    const wanted = records.filter(
      (r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.type?.S === this.decl.itemType,
    );
    for (let start = 0; start < wanted.length; start += this.decl.batchSize) {
      let batch = wanted.slice(start, start + this.decl.batchSize);
      for (let attempt = 1; batch.length > 0; attempt++) {
        let failedFrom: string | undefined;
        try {
          const result = (await this.invoke(this.decl.function, toLambdaEvent(batch))) as
            | DynamoDBBatchResponse
            | undefined;
          failedFrom = result?.batchItemFailures?.[0]?.itemIdentifier;
        } catch (error) {
          failedFrom = batch[0]?.dynamodb?.SequenceNumber;
          if (attempt >= this.maxAttempts)
            this.failedRecords.push({ sequenceNumber: failedFrom ?? '', error: (error as Error).message });
        }
        if (!failedFrom) break;
        const index = batch.findIndex((r) => r.dynamodb?.SequenceNumber === failedFrom);
        batch = index < 0 ? [] : batch.slice(index);
        if (attempt >= this.maxAttempts) {
          this.failedRecords.push({ sequenceNumber: failedFrom, error: 'batch item failure' });
          batch = batch.slice(1);
          attempt = 0;
        }
      }
    }
  }
}

function toLambdaEvent(records: _Record[]): DynamoDBStreamEvent {
  return {
    Records: records.map((r) => ({
      eventID: r.eventID,
      eventName: r.eventName as 'INSERT',
      eventVersion: r.eventVersion,
      eventSource: 'aws:dynamodb',
      awsRegion: 'local',
      dynamodb: r.dynamodb as never,
    })),
  };
}
