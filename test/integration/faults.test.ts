import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandInput,
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Runtime } from '../../infra/local/runtime.js';
import { db } from '../../shared/db/client.js';
import { aContact } from '../support/fixtures.js';
import { type Api, apiAs, type Listed, startTestRuntime } from '../support/runtime.js';

/**
 * Faults DynamoDB Local cannot produce on cue, injected at the SDK edge with aws-sdk-client-mock
 * on the very client the handlers use. Every other call goes through to DynamoDB Local.
 */
let runtime: Runtime;
let admin: Api;
type DocumentClientStub = ReturnType<typeof mockClient>;
let mock: DocumentClientStub | undefined;

beforeAll(async () => {
  runtime = await startTestRuntime();
  admin = apiAs(runtime, 'admin@cirrus.local');
  await admin.get('/api/contacts'); // the handlers' client exists from here on
});
afterEach(() => {
  mock?.restore();
  mock = undefined;
});
afterAll(async () => {
  await runtime?.stop();
});

/** Mocks the handlers' client; unlisted commands still reach DynamoDB Local. */
function injectFaults(): { realSend: DynamoDBDocumentClient['send'] } {
  const client = db();
  const realSend = client.send.bind(client) as DynamoDBDocumentClient['send'];
  mock = mockClient(client) as unknown as DocumentClientStub;
  mock.onAnyCommand().callsFake((input: object) => {
    throw new Error(`unexpected command ${JSON.stringify(Object.keys(input))}`);
  });
  mock.on(BatchGetCommand).callsFake((input: BatchGetCommandInput) => realSend(new BatchGetCommand(input)));
  return { realSend };
}

function throttled(): Error {
  const error = new Error('Rate of requests exceeds the allowed throughput');
  error.name = 'ThrottlingException';
  return error;
}

function conflicted(): TransactionCanceledException {
  return new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: [{ Code: 'TransactionConflict' }, { Code: 'None' }, { Code: 'None' }],
  });
}

describe('a failing TransactWrite is retried or answered 503, never half-written', () => {
  it('answers 503 with Retry-After when throttling outlasts the retries, and writes nothing', async () => {
    injectFaults();
    mock!.on(TransactWriteCommand).rejects(throttled());
    const body = aContact({ tags: ['throttled'] });
    const res = await admin.post<{ error: { code: string } }>('/api/contacts', body);
    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('service.unavailable');
    expect(res.headers.get('retry-after')).toBe('1');
    mock!.restore();
    mock = undefined;
    const listed = await admin.get<Listed<unknown>>('/api/contacts?tag=throttled');
    expect(listed.body.items).toEqual([]);
    // The e-mail guard was not written either: the same e-mail can be used now.
    expect((await admin.post('/api/contacts', body)).status).toBe(201);
  });

  it('retries a transaction cancelled by a conflicting one, and succeeds', async () => {
    const { realSend } = injectFaults();
    let attempts = 0;
    // Count only this contact's transaction: background consumers of earlier events write too.
    const isThisCreate = (input: TransactWriteCommandInput) =>
      (input.TransactItems ?? []).some((item) =>
        JSON.stringify(item.Put?.Item?.tags ?? []).includes('conflicted-once'),
      );
    mock!.on(TransactWriteCommand).callsFake((input: TransactWriteCommandInput) => {
      if (!isThisCreate(input)) return realSend(new TransactWriteCommand(input));
      attempts += 1;
      if (attempts === 1) throw conflicted();
      return realSend(new TransactWriteCommand(input));
    });
    const res = await admin.post('/api/contacts', aContact({ tags: ['conflicted-once'] }));
    expect(res.status).toBe(201);
    expect(attempts).toBe(2);
  });

  it('answers 503 after repeated conflicts, with nothing written', async () => {
    injectFaults();
    mock!.on(TransactWriteCommand).rejects(conflicted());
    const res = await admin.post('/api/contacts', aContact({ tags: ['always-conflicted'] }));
    expect(res.status).toBe(503);
    mock!.restore();
    mock = undefined;
    expect((await admin.get<Listed<unknown>>('/api/contacts?tag=always-conflicted')).body.items).toEqual([]);
  });

  it('answers an unknown failure with a bare 500 that reveals nothing', async () => {
    injectFaults();
    mock!.on(TransactWriteCommand).rejects(new Error('disk on fire at /var/lib/secret-table'));
    const res = await admin.post<{ error: { code: string; message: string }; requestId: string }>(
      '/api/contacts',
      aContact(),
    );
    expect(res.status).toBe(500);
    expect(res.body.error).toEqual({ code: 'internal.error', message: 'Something went wrong on our side' });
    expect(JSON.stringify(res.body)).not.toContain('secret');
    expect(res.body.requestId).toBeTruthy();
  });
});
