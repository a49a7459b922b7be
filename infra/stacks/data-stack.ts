import { RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { Construct } from 'constructs';
import type { TableBinding } from '../constructs/bindings.js';
import type { TableDecl } from '../manifest.types.js';

export interface DataStackProps extends StackProps {
  readonly service: string;
  readonly table: TableDecl;
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
  }
}
