import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PostAuthenticationTriggerEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/identity/post-authentication.js';
import { resetDbForTests } from '../../shared/db/client.js';

const SUB = '9a1c0d2e-0000-4000-8000-000000000001';
const AT = new Date('2026-05-04T08:30:00.000Z');
const dynamo = mockClient(DynamoDBDocumentClient);

const event = (sub: string | undefined = SUB) =>
  ({
    version: '1',
    triggerSource: 'PostAuthentication_Authentication',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Staff',
    userName: sub,
    callerContext: { awsSdkVersion: '3', clientId: 'client' },
    request: { userAttributes: sub ? { sub } : {}, newDeviceUsed: false },
    response: {},
  }) as unknown as PostAuthenticationTriggerEvent;

describe('post-authentication: lastSignInAt on the staff profile', () => {
  beforeAll(() => {
    process.env.TABLE_NAME ??= 'test-table';
    resetDbForTests();
  });

  beforeEach(() => {
    dynamo.reset();
    vi.restoreAllMocks();
  });

  it('sets lastSignInAt on the existing profile, only moving it forward (idempotent)', async () => {
    dynamo.on(UpdateCommand).resolves({});
    const e = event();
    expect(await handler(e, AT)).toBe(e);
    const [call] = dynamo.commandCalls(UpdateCommand);
    expect(call!.args[0].input).toEqual({
      TableName: process.env.TABLE_NAME,
      Key: { pk: `USER#${SUB}`, sk: 'PROFILE' },
      UpdateExpression: 'SET lastSignInAt = :at',
      ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSignInAt) OR lastSignInAt < :at)',
      ExpressionAttributeValues: { ':at': AT.toISOString() },
    });
  });

  it('does nothing, and lets the sign-in through, when there is no profile or a later time is recorded', async () => {
    dynamo.on(UpdateCommand).rejects(new ConditionalCheckFailedException({ message: 'failed', $metadata: {} }));
    const e = event();
    await expect(handler(e, AT)).resolves.toBe(e);
  });

  it('never blocks the sign-in when the table cannot be written: logs and returns the event', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    dynamo
      .on(UpdateCommand)
      .rejects(Object.assign(new Error('throttled'), { name: 'ProvisionedThroughputExceededException' }));
    const e = event();
    await expect(handler(e, AT)).resolves.toBe(e);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('ProvisionedThroughputExceededException'));
  });

  it('writes nothing for an event without a sub', async () => {
    await handler(event(''), AT);
    expect(dynamo.commandCalls(UpdateCommand)).toHaveLength(0);
  });
});
