import { Stack, type StackProps } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { IEventBus } from 'aws-cdk-lib/aws-events';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import type { AppSettings } from '../app-settings.js';
import {
  type AttachmentsBinding,
  bindAttachments,
  bindBus,
  bindEmail,
  bindFieldKey,
  bindQueueSender,
  bindTable,
  bindUserDirectory,
  type MailBinding,
  type TableBinding,
} from '../constructs/bindings.js';
import { CrmFunction } from '../constructs/crm-function.js';
import { addEventRule, addQueueConsumer, addSchedule, addStreamConsumer } from '../constructs/triggers.js';
import { identityTriggerFunctions, type Manifest } from '../manifest.types.js';

export interface FunctionsStackProps extends StackProps {
  readonly manifest: Manifest;
  readonly settings: AppSettings;
  readonly table: TableBinding;
  /** The key of sensitive field values, for functions granted `fieldKey`. */
  readonly fieldKey: IKey;
  readonly bus: IEventBus;
  readonly queues: ReadonlyMap<string, IQueue>;
  readonly mail: MailBinding;
  /** The staff pool, for functions that administer staff accounts. */
  readonly staffPool: IUserPool;
  /** The attachments bucket, for functions granted `attachments`. */
  readonly attachments: AttachmentsBinding;
}

/**
 * Every function of the manifest with exactly the grants it declares, and the asynchronous
 * triggers that invoke them (rules, schedules, queues, the table stream). The API stack adds the
 * HTTP routes; keeping triggers here keeps every permission a trigger creates in one stack.
 */
export class FunctionsStack extends Stack {
  readonly functions: ReadonlyMap<string, CrmFunction>;

  constructor(scope: Construct, id: string, props: FunctionsStackProps) {
    super(scope, id, props);
    const { manifest, settings } = props;

    const functions = new Map<string, CrmFunction>();
    // User pool triggers are built by the identity stack, next to their pool.
    const triggers = identityTriggerFunctions(manifest);
    for (const [functionId, decl] of Object.entries(manifest.functions)) {
      if (triggers.has(functionId)) continue;
      const fn = new CrmFunction(this, `Fn-${functionId}`, {
        functionId,
        decl,
        service: manifest.service,
        version: settings.version,
        logRetention: settings.logRetention,
        projectRoot: settings.projectRoot,
        appUrl: `https://${settings.domainName}`,
      });
      const { grants } = decl;
      if (grants.table) bindTable(fn, props.table, grants.table);
      if (grants.fieldKey) bindFieldKey(fn, props.fieldKey);
      if (grants.bus) bindBus(fn, props.bus);
      if (grants.email) bindEmail(fn, props.mail);
      if (grants.userDirectory) bindUserDirectory(fn, props.staffPool);
      if (grants.attachments) bindAttachments(fn, props.attachments);
      for (const queueId of grants.sendTo ?? []) bindQueueSender(fn, queueId, lookup(props.queues, queueId, 'queue'));
      functions.set(functionId, fn);
    }
    this.functions = functions;

    const fn = (functionId: string) => lookup(functions, functionId, 'function');
    for (const rule of manifest.rules) addEventRule(this, rule, props.bus, fn(rule.function));
    for (const schedule of manifest.schedules) addSchedule(this, schedule, fn(schedule.function));
    for (const queue of manifest.queues) {
      addQueueConsumer(queue, lookup(props.queues, queue.id, 'queue'), fn(queue.consumer));
    }
    for (const stream of manifest.streams) addStreamConsumer(this, stream, props.table.table, fn(stream.function));
  }
}

/** A manifest reference that names nothing is a broken manifest: fail the synth, loudly. */
export function lookup<T>(map: ReadonlyMap<string, T>, key: string, kind: string): T {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Manifest refers to unknown ${kind} "${key}"`);
  return value;
}
