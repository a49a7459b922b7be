import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { queueUrlEnvName } from '../../infra/constructs/bindings.js';
import { manifest } from '../../infra/manifest.js';
import { type FunctionDecl, identityTriggerFunctions } from '../../infra/manifest.types.js';
import { actionsOfFunction, buildTestApp, resourcesOf, templateOf } from './helpers/app.js';

const cirrus = buildTestApp();
const template = templateOf(cirrus.functions);
const messaging = templateOf(cirrus.messaging);
/** The functions stack's functions: all of the manifest's but the user pool triggers (identity stack). */
const triggers = identityTriggerFunctions(manifest);
const functions = (Object.entries(manifest.functions) as [string, FunctionDecl][]).filter(([id]) => !triggers.has(id));

/** Logical id of the Lambda whose description is the manifest's description of `functionId`. */
function logicalIdOf(functionId: string): string {
  const decl = (manifest.functions as Record<string, FunctionDecl>)[functionId];
  const match = Object.entries(resourcesOf(template, 'AWS::Lambda::Function')).find(
    ([, fn]) => fn.Properties.Description === decl?.description,
  );
  if (!match) throw new Error(`No Lambda for ${functionId}`);
  return match[0];
}

function envOf(functionId: string): Record<string, unknown> {
  const fn = resourcesOf(template, 'AWS::Lambda::Function')[logicalIdOf(functionId)];
  const env = fn?.Properties.Environment as { Variables: Record<string, unknown> } | undefined;
  return env?.Variables ?? {};
}

/** What a `table: 'write'` grant gives (TransactWriteItems is authorised item by item). */
const TABLE_WRITES = ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];
const ANY_WRITE = [...TABLE_WRITES, 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate'];

describe('one Lambda per manifest function', () => {
  it('creates exactly the manifest functions, Node 24 on arm64, with JSON logs', () => {
    template.resourceCountIs('AWS::Lambda::Function', functions.length);
    for (const [id, decl] of functions) {
      template.hasResourceProperties('AWS::Lambda::Function', {
        Description: decl.description,
        Runtime: 'nodejs24.x',
        Architectures: ['arm64'],
        MemorySize: decl.memoryMb ?? 256,
        Timeout: decl.timeoutSeconds ?? 10,
        LoggingConfig: Match.objectLike({ LogFormat: 'JSON', ApplicationLogLevel: 'INFO', LogGroup: Match.anyValue() }),
        Environment: {
          Variables: Match.objectLike({ POWERTOOLS_SERVICE_NAME: manifest.service, APP_VERSION: Match.anyValue() }),
        },
      });
      expect(logicalIdOf(id)).toBeTruthy();
    }
  });

  it('gives every function its own log group with a retention', () => {
    const groups = Object.values(resourcesOf(template, 'AWS::Logs::LogGroup'));
    expect(groups).toHaveLength(functions.length);
    for (const group of groups) expect(group.Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('attaches no managed policy to function roles (logs are granted on the own log group only)', () => {
    for (const role of Object.values(resourcesOf(template, 'AWS::IAM::Role'))) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('least privilege: grants and environment follow the manifest', () => {
  it.each(functions)('%s gets exactly the environment its grants need', (id, decl) => {
    const env = envOf(id);
    expect('TABLE_NAME' in env).toBe(decl.grants.table !== undefined);
    expect('EVENT_BUS_NAME' in env).toBe(decl.grants.bus === true);
    expect('MAIL_FROM' in env).toBe(decl.grants.email === true);
    const queueVars = Object.keys(env).filter((k) => k.startsWith('QUEUE_URL_'));
    expect(queueVars.sort()).toEqual((decl.grants.sendTo ?? []).map(queueUrlEnvName).sort());
  });

  it.each(functions)('%s has only the actions its grants allow', (_id, decl) => {
    const actions = actionsOfFunction(template, decl.description);
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions.filter((a) => a.includes('*'))).toEqual([]);
    const writes = actions.filter((a) => ANY_WRITE.includes(a));
    expect(writes.sort()).toEqual(decl.grants.table === 'write' ? TABLE_WRITES : []);
    if (decl.grants.table) expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query']));
    expect(actions.some((a) => a.startsWith('ses:'))).toBe(decl.grants.email === true);
    expect(actions.includes('events:PutEvents')).toBe(decl.grants.bus === true);
  });

  it('keeps the platform function read-only', () => {
    const actions = actionsOfFunction(template, manifest.functions.platform.description);
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:BatchGetItem']));
    for (const forbidden of [...ANY_WRITE, 'kms:Encrypt', 'kms:GenerateDataKey', 'sqs:SendMessage', 'ses:SendEmail']) {
      expect(actions).not.toContain(forbidden);
    }
  });

  it.each(functions)(
    '%s may use the field key only when granted fieldKey, and then exactly as the SDK needs',
    (id, decl) => {
      const policies = Object.values(resourcesOf(template, 'AWS::IAM::Policy'));
      const statements = policies
        .filter((p) => JSON.stringify(p.Properties.Roles).includes(`Fn${id}`))
        .flatMap(
          (p) =>
            (p.Properties.PolicyDocument as { Statement: { Action: string | string[]; Resource: unknown }[] })
              .Statement,
        );
      const onFieldKey = statements.filter((s) => JSON.stringify(s.Resource).includes('FieldKey'));
      const env = envOf(id);
      if (decl.grants.fieldKey) {
        expect(onFieldKey).toHaveLength(1);
        expect([onFieldKey[0]!.Action].flat().sort()).toEqual(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']);
        expect(JSON.stringify(env.FIELD_KEY_ARN)).toContain('FieldKey');
      } else {
        expect(onFieldKey).toEqual([]);
        expect('FIELD_KEY_ARN' in env).toBe(false);
      }
    },
  );

  it('grants the field key to the customers function, the duplicate check (blind index) and the re-encryption worker only', () => {
    const granted = functions.filter(([, decl]) => decl.grants.fieldKey).map(([id]) => id);
    expect(granted.sort()).toEqual(['customers', 'leads', 'reencryptWorker']);
  });

  it('lets the re-encryption worker seal and open with the field key, write the table and queue its next page only', () => {
    const decl = manifest.functions.reencryptWorker;
    const actions = actionsOfFunction(template, decl.description);
    expect(actions).toEqual(expect.arrayContaining(['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey']));
    expect(actions).toEqual(expect.arrayContaining(['dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']));
    expect(actions).toContain('sqs:SendMessage');
    expect(actions).not.toContain('dynamodb:Scan');
    expect(actions).not.toContain('ses:SendEmail');
    const env = envOf('reencryptWorker');
    expect(Object.keys(env).filter((k) => k.startsWith('QUEUE_URL_'))).toEqual(['QUEUE_URL_REENCRYPT']);
    expect(JSON.stringify(env.FIELD_KEY_ARN)).toContain('FieldKey');
  });

  it('limits the table key to use through DynamoDB', () => {
    const policies = JSON.stringify(resourcesOf(template, 'AWS::IAM::Policy'));
    expect(policies).toContain('kms:ViaService');
  });
});

describe('asynchronous triggers', () => {
  it('schedules every manifest schedule with retries and a dead-letter queue', () => {
    template.resourceCountIs('AWS::Scheduler::Schedule', manifest.schedules.length);
    for (const schedule of manifest.schedules) {
      template.hasResourceProperties('AWS::Scheduler::Schedule', {
        ScheduleExpression: schedule.expression,
        Target: Match.objectLike({
          Arn: { 'Fn::GetAtt': [logicalIdOf(schedule.function), 'Arn'] },
          DeadLetterConfig: { Arn: Match.anyValue() },
          RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
        }),
      });
    }
  });

  it('routes every manifest rule from the CRM bus to its function, with retries and a DLQ', () => {
    template.resourceCountIs('AWS::Events::Rule', manifest.rules.length);
    for (const rule of manifest.rules) {
      template.hasResourceProperties('AWS::Events::Rule', {
        EventBusName: Match.anyValue(),
        EventPattern: { source: [...rule.pattern.source], 'detail-type': [...rule.pattern.detailType] },
        Targets: [
          Match.objectLike({
            Arn: { 'Fn::GetAtt': [logicalIdOf(rule.function), 'Arn'] },
            DeadLetterConfig: { Arn: Match.anyValue() },
            RetryPolicy: Match.objectLike({ MaximumRetryAttempts: Match.anyValue() }),
          }),
        ],
      });
    }
  });

  it('creates a queue and a dead-letter queue per manifest queue, encrypted and TLS-only', () => {
    messaging.resourceCountIs('AWS::SQS::Queue', manifest.queues.length * 2);
    for (const queue of manifest.queues) {
      messaging.hasResourceProperties('AWS::SQS::Queue', {
        VisibilityTimeout: queue.visibilityTimeoutSeconds,
        SqsManagedSseEnabled: true,
        RedrivePolicy: { deadLetterTargetArn: Match.anyValue(), maxReceiveCount: queue.maxReceiveCount },
      });
    }
    for (const queue of Object.values(resourcesOf(messaging, 'AWS::SQS::Queue'))) {
      expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
    }
    const policies = JSON.stringify(resourcesOf(messaging, 'AWS::SQS::QueuePolicy'));
    expect(policies).toContain('aws:SecureTransport');
  });

  it('drains every manifest queue with its batch size and concurrency, reporting item failures', () => {
    for (const queue of manifest.queues) {
      template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
        FunctionName: { Ref: logicalIdOf(queue.consumer) },
        BatchSize: queue.batchSize,
        ScalingConfig: { MaximumConcurrency: queue.maxConcurrency },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
      });
    }
  });

  it('feeds stream consumers only the item type they ask for, with bisect, retries and an on-failure queue', () => {
    for (const stream of manifest.streams) {
      const mappings = Object.values(resourcesOf(template, 'AWS::Lambda::EventSourceMapping')).filter(
        (m) => JSON.stringify(m.Properties.FunctionName) === JSON.stringify({ Ref: logicalIdOf(stream.function) }),
      );
      expect(mappings).toHaveLength(1);
      const props = mappings[0]?.Properties ?? {};
      const filters = (props.FilterCriteria as { Filters: { Pattern: string }[] }).Filters;
      expect(filters.map((f) => JSON.parse(f.Pattern))).toEqual([
        { dynamodb: { NewImage: { type: { S: [stream.itemType] } } } },
      ]);
      expect(props).toMatchObject({
        BatchSize: stream.batchSize,
        StartingPosition: 'TRIM_HORIZON',
        BisectBatchOnFunctionError: true,
        MaximumRetryAttempts: expect.any(Number),
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        DestinationConfig: { OnFailure: { Destination: expect.anything() } },
      });
    }
  });

  it('gives every asynchronous trigger its own encrypted dead-letter queue', () => {
    const triggers = manifest.rules.length + manifest.schedules.length + manifest.streams.length;
    const queues = Object.values(resourcesOf(template, 'AWS::SQS::Queue'));
    expect(queues).toHaveLength(triggers);
    for (const queue of queues) expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
  });
});
