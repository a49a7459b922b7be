import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { EventBus } from 'aws-cdk-lib/aws-events';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { workQueue } from '../constructs/queues.js';
import type { QueueDecl } from '../manifest.types.js';

export interface MessagingStackProps extends StackProps {
  readonly service: string;
  readonly queues: readonly QueueDecl[];
  readonly mailDomain: string;
}

/**
 * The channels between functions: the domain-event bus, the manifest's work queues and SES.
 * It holds no function, so the functions stack can reference it without a cycle; the triggers
 * (rules, event source mappings) live with the functions they invoke.
 */
export class MessagingStack extends Stack {
  readonly bus: EventBus;
  readonly queues: ReadonlyMap<string, Queue>;
  readonly mailIdentityArn: string;
  readonly configurationSetArn: string;

  constructor(scope: Construct, id: string, props: MessagingStackProps) {
    super(scope, id, props);

    this.bus = new EventBus(this, 'Bus', { eventBusName: `${props.service}-events` });

    const queues = new Map<string, Queue>();
    for (const decl of props.queues) {
      const { queue } = workQueue(this, `Queue-${decl.id}`, {
        visibilityTimeout: Duration.seconds(decl.visibilityTimeoutSeconds),
        maxReceiveCount: decl.maxReceiveCount,
      });
      queues.set(decl.id, queue);
    }
    this.queues = queues;

    const configurationSet = new ConfigurationSet(this, 'MailConfig', {
      tlsPolicy: ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      // Bounced and complaining addresses are not mailed again (protects the sending reputation).
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    // SES can only deliver events to the account's default bus; the e-mail events consumer
    // (recipients, contact e-mail status, suppressions) subscribes there when it is built.
    configurationSet.addEventDestination('ToEventBridge', {
      destination: EventDestination.eventBus(EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: [
        EmailSendingEvent.DELIVERY,
        EmailSendingEvent.BOUNCE,
        EmailSendingEvent.COMPLAINT,
        EmailSendingEvent.REJECT,
        EmailSendingEvent.OPEN,
        EmailSendingEvent.CLICK,
      ],
    });
    const identity = new EmailIdentity(this, 'MailIdentity', {
      identity: Identity.domain(props.mailDomain),
      // The default set of the identity: every message gets its events, even without naming it.
      configurationSet,
    });
    this.mailIdentityArn = identity.emailIdentityArn;
    this.configurationSetArn = this.formatArn({
      service: 'ses',
      resource: 'configuration-set',
      resourceName: configurationSet.configurationSetName,
    });
  }
}
