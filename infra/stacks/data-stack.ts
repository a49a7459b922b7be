import { Aws, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import { BlockPublicAccess, Bucket, BucketEncryption, HttpMethods, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import type { AttachmentsBinding, TableBinding } from '../constructs/bindings.js';
import { acknowledge } from '../constructs/nag.js';
import type { TableDecl } from '../manifest.types.js';

export interface DataStackProps extends StackProps {
  readonly service: string;
  readonly table: TableDecl;
  /** The console's origin (`https://<domain>`): the only one whose pages may PUT/GET attachments directly. */
  readonly appOrigin: string;
}

/** Key prefix of contract attachments: the contracts function's grant is limited to it. */
export const CONTRACT_ATTACHMENTS_PREFIX = 'contracts/';

/**
 * The attachments bucket's name, one per account and region. Named from pseudo parameters
 * rather than generated, so the functions and web stacks name the same bucket without a
 * cross-stack export (and the grant's ARN, and its cdk-nag finding, are the same everywhere).
 */
export function attachmentsBucketName(service: string): string {
  return `${service}-attachments-${Aws.ACCOUNT_ID}-${Aws.REGION}`;
}

/**
 * The one DynamoDB table of the CRM, shaped by `manifest.table`. It holds every customer record
 * and its audit trail, so it is kept on stack deletion, protected from deletion, recoverable to
 * any second of the last 35 days and encrypted with a key we control.
 */
export class DataStack extends Stack {
  readonly table: Table;
  readonly key: Key;
  /** Encrypts sensitive custom field values (field-level, AWS Encryption SDK), apart from the table key. */
  readonly fieldKey: Key;
  readonly binding: TableBinding;
  /** Contract files (presigned uploads and downloads), private, SSL-only. */
  readonly attachments: Bucket;
  readonly attachmentsBinding: AttachmentsBinding;

  constructor(scope: Construct, id: string, props: DataStackProps) {
    super(scope, id, props);
    const decl = props.table;

    this.key = new Key(this, 'TableKey', {
      description: `${props.service} table ${decl.id}`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.fieldKey = new Key(this, 'FieldKey', {
      description: `${props.service} sensitive custom field values`,
      enableKeyRotation: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    this.table = new Table(this, 'Table', {
      partitionKey: { name: decl.partitionKey, type: AttributeType.STRING },
      sortKey: { name: decl.sortKey, type: AttributeType.STRING },
      billingMode: BillingMode.PAY_PER_REQUEST,
      encryption: TableEncryption.CUSTOMER_MANAGED,
      encryptionKey: this.key,
      timeToLiveAttribute: decl.ttlAttribute,
      stream: StreamViewType[decl.stream],
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    // Overloaded GSIs project everything: a list served from an index needs no second read.
    for (const index of decl.indexes) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.ALL,
      });
    }

    this.binding = { table: this.table, key: this.key, indexNames: decl.indexes.map((i) => i.name) };

    const bucketName = attachmentsBucketName(props.service);
    this.attachments = this.attachmentsBucket(bucketName, props.appOrigin);
    this.attachmentsBinding = { service: props.service, bucketName, prefix: CONTRACT_ATTACHMENTS_PREFIX };
  }

  /**
   * Signed contracts and the like: records, so retained with the stack and versioned (an
   * overwrite or delete can be undone for 90 days). The browser talks to the bucket directly
   * through presigned URLs, so CORS admits the console's origin, and only the methods those
   * URLs use. Server access logs go to a bucket of their own.
   */
  private attachmentsBucket(bucketName: string, appOrigin: string): Bucket {
    const logs = new Bucket(this, 'AttachmentLogs', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ expiration: Duration.days(365) }],
      removalPolicy: RemovalPolicy.RETAIN,
    });
    acknowledge(
      logs,
      'AwsSolutions-S1',
      'This bucket receives the attachments bucket server access logs; logging it into itself would loop.',
    );
    return new Bucket(this, 'Attachments', {
      bucketName,
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      versioned: true,
      serverAccessLogsBucket: logs,
      serverAccessLogsPrefix: 'attachments/',
      lifecycleRules: [
        { noncurrentVersionExpiration: Duration.days(90) },
        { abortIncompleteMultipartUploadAfter: Duration.days(1) },
      ],
      cors: [
        {
          allowedOrigins: [appOrigin],
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
          allowedHeaders: ['content-type'],
          exposedHeaders: ['etag'],
          maxAge: 3600,
        },
      ],
      removalPolicy: RemovalPolicy.RETAIN,
    });
  }
}
