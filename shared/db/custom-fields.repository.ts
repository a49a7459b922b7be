import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '../domain/common/errors.js';
import type { BuiltInSensitivity } from '../domain/customers/builtin-sensitivity.js';
import type { CustomFieldDef, CustomFieldEntity } from '../domain/customers/custom-field.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { keys } from './keys.js';
import { type TransactItem, transactWrite, versionedPut } from './kit.js';

/**
 * Custom field definitions of an entity live in one item, so that a record write reads them in
 * the same BatchGetItem as everything else it needs. The item is versioned as a whole.
 */
export interface CustomFieldSet {
  fields: CustomFieldDef[];
  /** Sensitivity of built-in fields (phone, address), set by an admin; absent = never set. */
  builtIn?: BuiltInSensitivity[];
  version: number;
}

export async function getCustomFieldSet(entity: CustomFieldEntity): Promise<CustomFieldSet> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.customFields(entity), ConsistentRead: true }),
  );
  return out.Item
    ? {
        fields: out.Item.fields as CustomFieldDef[],
        builtIn: (out.Item.builtIn as BuiltInSensitivity[] | undefined) ?? [],
        version: Number(out.Item.version),
      }
    : { fields: [], version: 0 };
}

/**
 * Replaces the set, conditioned on the version read, with the audit record (and `extra` items of
 * the same transaction, e.g. a re-encryption job). The built-in settings are kept unless given.
 */
export async function saveCustomFieldSet(
  entity: CustomFieldEntity,
  before: CustomFieldSet,
  fields: CustomFieldDef[],
  audit: AuditRecord,
  builtIn: BuiltInSensitivity[] = before.builtIn ?? [],
  extra: TransactItem[] = [],
): Promise<void> {
  // Version 0 is the empty set nobody saved yet: its first save is a create.
  const expected = before.version === 0 ? undefined : before.version;
  await transactWrite(
    [
      versionedPut({ ...keys.customFields(entity), type: 'CustomFieldSet', fields, builtIn }, expected),
      putAudit(audit),
      ...extra,
    ],
    () =>
      new AppError(
        'conflict',
        'request.stale_version',
        'The custom fields were changed by someone else; reload and retry',
      ),
  );
}
