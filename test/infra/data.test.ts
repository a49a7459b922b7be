import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { buildTestApp, resourcesOf, templateOf } from './helpers/app.js';

const { data } = buildTestApp();
const template = templateOf(data);

describe('the data stack: one table from manifest.table', () => {
  it('keys the table on pk/sk, billed on demand, with TTL and a NEW_AND_OLD_IMAGES stream', () => {
    template.resourceCountIs('AWS::DynamoDB::Table', 1);
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      KeySchema: [
        { AttributeName: manifest.table.partitionKey, KeyType: 'HASH' },
        { AttributeName: manifest.table.sortKey, KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
    });
  });

  it('has every manifest GSI, projecting all attributes', () => {
    const table = Object.values(resourcesOf(template, 'AWS::DynamoDB::Table'))[0];
    const gsis = table?.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string; KeyType: string }[];
      Projection: { ProjectionType: string };
    }[];
    expect(gsis.map((g) => g.IndexName)).toEqual(manifest.table.indexes.map((i) => i.name));
    for (const index of manifest.table.indexes) {
      const gsi = gsis.find((g) => g.IndexName === index.name);
      expect(gsi?.KeySchema).toEqual([
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ]);
      expect(gsi?.Projection).toEqual({ ProjectionType: 'ALL' });
    }
  });

  it('is protected: PITR, deletion protection, retained on stack deletion', () => {
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
      }),
    });
  });

  it('is encrypted with a customer-managed, rotating, retained KMS key', () => {
    const keys = resourcesOf(template, 'AWS::KMS::Key');
    const [keyId] = Object.keys(keys).filter((id) => id.startsWith('TableKey'));
    expect(Object.keys(keys)).toHaveLength(2);
    template.hasResource('AWS::KMS::Key', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ EnableKeyRotation: true }),
    });
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
  });
});

describe('the field key (sensitive custom fields)', () => {
  it('is a second customer-managed, rotating, retained key, apart from the table key', () => {
    const keys = resourcesOf(template, 'AWS::KMS::Key');
    const fieldKeys = Object.entries(keys).filter(([id]) => id.startsWith('FieldKey'));
    expect(fieldKeys).toHaveLength(1);
    const [, key] = fieldKeys[0]!;
    expect(key.DeletionPolicy).toBe('Retain');
    expect(key.Properties.EnableKeyRotation).toBe(true);
    expect(key.Properties.Description).toContain('sensitive custom field');
  });
});
