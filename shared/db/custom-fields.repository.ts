import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { CustomFieldDef, CustomFieldEntity } from '../domain/customers/custom-field.schema.js';
import { AppError } from '../http/errors.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { transactWrite } from './transact.js';

/**
 * Custom field definitions of an entity live in one item, so that a record write reads them in
 * the same BatchGetItem as everything else it needs. The item is versioned as a whole.
 */
export interface CustomFieldSet {
  fields: CustomFieldDef[];
  version: number;
}

export async function getCustomFieldSet(entity: CustomFieldEntity): Promise<CustomFieldSet> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.customFields(entity), ConsistentRead: true }),
  );
  return out.Item
    ? { fields: out.Item.fields as CustomFieldDef[], version: Number(out.Item.version) }
    : { fields: [], version: 0 };
}

/** Replaces the set, conditioned on the version read, with the audit record. */
export async function saveCustomFieldSet(
  entity: CustomFieldEntity,
  before: CustomFieldSet,
  fields: CustomFieldDef[],
  audit: AuditRecord,
): Promise<void> {
  const condition =
    before.version === 0
      ? { ConditionExpression: 'attribute_not_exists(pk)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': before.version } };
  await transactWrite(
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.customFields(entity), type: 'CustomFieldSet', fields, version: before.version + 1 },
          ...condition,
        },
      },
      putAudit(audit),
    ],
    () =>
      new AppError(
        'conflict',
        'customField.version_conflict',
        'The custom fields were changed by someone else; reload and retry',
      ),
  );
}
