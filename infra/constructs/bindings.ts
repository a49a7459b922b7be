import { Aws, Stack } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Config } from '../../shared/config.js';
import type { CrmFunction } from './crm-function.js';
import { acknowledge } from './nag.js';

/**
 * Binding helpers: each grants one capability AND sets the environment variable the function
 * reads to use it, so a function can never get a permission without its configuration or the
 * other way round. Variable names are the keys of the function config contract (shared/config.ts).
 */
type EnvName = Extract<keyof Config, string>;

function setEnv(target: CrmFunction, name: EnvName | `QUEUE_URL_${string}`, value: string): void {
  target.fn.addEnvironment(name, value);
}

/** The single table with the pieces a grant needs to name resources exactly. */
export interface TableBinding {
  readonly table: ITable;
  readonly key: IKey;
  readonly indexNames: readonly string[];
}

const TABLE_READ = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'];
/**
 * There is no IAM action for TransactWriteItems: a transaction is authorised item by item, so
 * these four cover it (ConditionCheckItem for the guard items, e.g. unique e-mail).
 */
const TABLE_WRITE = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'];
const KEY_READ = ['kms:Decrypt', 'kms:DescribeKey'];
const KEY_WRITE = ['kms:Encrypt', 'kms:GenerateDataKey'];

/** Table access, never Scan (no Scan on a request path); index ARNs are listed, not wildcarded. */
export function bindTable(target: CrmFunction, binding: TableBinding, access: 'read' | 'write' | 'update'): void {
  const { tableArn } = binding.table;
  if (access === 'update') {
    // Changes attributes of items it names by key; reads nothing, deletes nothing, no index.
    target.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['dynamodb:UpdateItem'], resources: [tableArn] }));
  } else {
    target.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: TABLE_READ,
        resources: [tableArn, ...binding.indexNames.map((name) => `${tableArn}/index/${name}`)],
      }),
    );
  }
  if (access === 'write') {
    target.role.addToPrincipalPolicy(new PolicyStatement({ actions: TABLE_WRITE, resources: [tableArn] }));
  }
  // The table key may only be used through DynamoDB, not called directly.
  target.role.addToPrincipalPolicy(
    new PolicyStatement({
      actions: access === 'read' ? KEY_READ : [...KEY_READ, ...KEY_WRITE],
      resources: [binding.key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(target).region}.amazonaws.com` } },
    }),
  );
  setEnv(target, 'TABLE_NAME', binding.table.tableName);
}

export function bindBus(target: CrmFunction, bus: IEventBus): void {
  target.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['events:PutEvents'], resources: [bus.eventBusArn] }),
  );
  setEnv(target, 'EVENT_BUS_NAME', bus.eventBusName);
}

/** What sending mail needs: the SES identity and configuration set, the From address, link base. */
export interface MailBinding {
  readonly identityArn: string;
  readonly configurationSetArn: string;
  readonly mailFrom: string;
}

export function bindEmail(target: CrmFunction, mail: MailBinding): void {
  target.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['ses:SendEmail'], resources: [mail.identityArn, mail.configurationSetArn] }),
  );
  setEnv(target, 'MAIL_FROM', mail.mailFrom);
}

/** `purge` → `QUEUE_URL_PURGE`, `email-batches` → `QUEUE_URL_EMAIL_BATCHES`. */
export function queueUrlEnvName(queueId: string): `QUEUE_URL_${string}` {
  const snake = queueId
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/[^A-Za-z0-9]+/g, '_')
    .toUpperCase();
  return `QUEUE_URL_${snake}`;
}

export function bindQueueSender(target: CrmFunction, queueId: string, queue: IQueue): void {
  target.role.addToPrincipalPolicy(new PolicyStatement({ actions: ['sqs:SendMessage'], resources: [queue.queueArn] }));
  setEnv(target, queueUrlEnvName(queueId), queue.queueUrl);
}

/** What user administration calls (shared/identity/cognito-user-directory.ts), nothing more. */
const USER_ADMIN = [
  'cognito-idp:AdminCreateUser',
  'cognito-idp:AdminAddUserToGroup',
  'cognito-idp:AdminRemoveUserFromGroup',
  'cognito-idp:AdminListGroupsForUser',
  'cognito-idp:AdminDisableUser',
  'cognito-idp:AdminEnableUser',
  'cognito-idp:AdminUserGlobalSignOut',
];

/** The Cognito admin API on the staff pool only (never the portal pool), and which directory to use. */
export function bindUserDirectory(target: CrmFunction, pool: IUserPool): void {
  target.role.addToPrincipalPolicy(new PolicyStatement({ actions: USER_ADMIN, resources: [pool.userPoolArn] }));
  setEnv(target, 'USER_DIRECTORY', 'cognito');
  setEnv(target, 'USER_POOL_ID', pool.userPoolId);
}

/**
 * The field key (sensitive custom fields, AWS Encryption SDK with a KMS keyring): the data-key
 * calls the SDK makes, on that key only, and its ARN for the keyring.
 */
export function bindFieldKey(target: CrmFunction, key: IKey): void {
  target.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['kms:GenerateDataKey', 'kms:Encrypt', 'kms:Decrypt'], resources: [key.keyArn] }),
  );
  setEnv(target, 'FIELD_KEY_ARN', key.keyArn);
}

/** The attachments bucket (by name, see data-stack.ts) and the key prefix a function may use in it. */
export interface AttachmentsBinding {
  readonly service: string;
  readonly bucketName: string;
  readonly prefix: string;
}

/**
 * Attachments (contracts): the function signs presigned PUT/GET URLs with its own credentials,
 * so its role needs exactly those two object actions, on its prefix only (HeadObject, which the
 * upload confirmation uses, is authorised by s3:GetObject). No list, no delete, no bucket-level
 * action.
 */
export function bindAttachments(target: CrmFunction, binding: AttachmentsBinding): void {
  const objects = `arn:${Aws.PARTITION}:s3:::${binding.bucketName}/${binding.prefix}*`;
  target.role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:PutObject', 's3:GetObject'], resources: [objects] }),
  );
  acknowledge(
    target.role,
    `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::${binding.service}-attachments-<AWS::AccountId>-<AWS::Region>/${binding.prefix}*]`,
    `Object keys are per contract and attachment (${binding.prefix}<contract>/<attachment>); the wildcard covers that prefix of the attachments bucket only, for PutObject and GetObject.`,
  );
  setEnv(target, 'ATTACHMENTS_BUCKET', binding.bucketName);
}
