import { BatchGetCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound, staleVersion } from '../domain/common/errors.js';
import type { BuiltInSensitivity } from '../domain/customers/builtin-sensitivity.js';
import type { CustomFieldDef } from '../domain/customers/custom-field.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type IdempotencyRecord, type IdempotencyRequest, putIdempotency } from './idempotency.js';
import { ALL_INDEX_ATTRIBUTES, type Key, keys, liveIndexKeys, type RecordKind, trashIndexKeys } from './keys.js';
import { type FailedCondition, type TransactItem, transactWrite } from './transact.js';

/**
 * Storage of contacts and companies. Both kinds share the shape (id, name, owner, version,
 * soft delete) and differ in their unique field: a contact's e-mail, a company's domain.
 * Every write is one transaction of the record (conditioned on its version), its uniqueness
 * guard and its audit record.
 */

export type StoredRecord = Record<string, unknown> & {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  customFields: Record<string, unknown>;
  deletedAt?: string;
  email?: string;
  /** E.164, or a sealed value when phone is sensitive. */
  phone?: unknown;
  /** Set only with a sealed phone: its blind index (never shown; see sensitive-values.ts). */
  phoneBlind?: string;
  companyId?: string;
  domain?: string;
  /** The owner's team when the record was assigned; what a manager's scope matches. */
  teamId?: string;
};

/** Soft-deleted records are purged by the sweep after this; TTL is the backstop a day later. */
export const RESTORE_WINDOW_DAYS = 30;

const INTERNAL = new Set(['pk', 'sk', 'type', 'expiresAt', ...ALL_INDEX_ATTRIBUTES]);

/** The record as the API shows it: storage attributes removed. */
export function toApi(item: Record<string, unknown>): StoredRecord {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v;
  return out as StoredRecord;
}

function uniqueValueOf(kind: RecordKind, r: StoredRecord): string | undefined {
  return kind === 'contact' ? r.email : r.domain;
}

function guardKey(kind: RecordKind, value: string): Key {
  return kind === 'contact' ? keys.emailGuard(value) : keys.domainGuard(value);
}

const TYPE_NAME: Record<RecordKind, string> = { contact: 'Contact', company: 'Company' };

function storedItem(kind: RecordKind, r: StoredRecord): Record<string, unknown> {
  const base = { ...keys.record(kind, r.id), type: TYPE_NAME[kind], ...r };
  if (!r.deletedAt) return { ...base, ...liveIndexKeys(kind, r) };
  const purgeAfter = Date.parse(r.deletedAt) / 1000 + (RESTORE_WINDOW_DAYS + 1) * 86_400;
  return { ...base, ...trashIndexKeys(kind, { id: r.id, deletedAt: r.deletedAt }), expiresAt: Math.floor(purgeAfter) };
}

/** Reads a record by id (strongly consistent: it is read before a conditional write). */
export async function getRecord(kind: RecordKind, id: string): Promise<StoredRecord | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.record(kind, id), ConsistentRead: true }),
  );
  return out.Item ? toApi(out.Item) : undefined;
}

export interface WriteDependencies {
  record?: StoredRecord;
  defs: CustomFieldDef[];
  /** Sensitivity of built-in fields (same item as the custom field definitions). */
  builtIn: BuiltInSensitivity[];
  company?: StoredRecord;
  owner?: { id: string; name: string; email: string; teamIds: string[] };
  idempotent?: IdempotencyRecord;
}

/**
 * Everything a write needs to know, in one BatchGetItem: the record itself, the custom field
 * definitions, the company it points at, the owner it is assigned to (whose teams decide the
 * record's team), and an earlier answer to the same Idempotency-Key.
 */
export async function loadWriteDependencies(req: {
  kind: RecordKind;
  id?: string;
  companyId?: string;
  ownerId?: string;
  idempotency?: IdempotencyRequest;
}): Promise<WriteDependencies> {
  const wanted: { name: keyof WriteDependencies; key: Key }[] = [{ name: 'defs', key: keys.customFields(req.kind) }];
  if (req.id) wanted.push({ name: 'record', key: keys.record(req.kind, req.id) });
  if (req.companyId) wanted.push({ name: 'company', key: keys.record('company', req.companyId) });
  if (req.ownerId) wanted.push({ name: 'owner', key: keys.user(req.ownerId) });
  if (req.idempotency) {
    wanted.push({ name: 'idempotent', key: keys.idempotency(req.idempotency.userId, req.idempotency.key) });
  }
  const out = await db().send(
    new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: wanted.map((w) => w.key), ConsistentRead: true } } }),
  );
  // A BatchGet may leave keys unprocessed under load; they are few and small, so one more read.
  const items = [...(out.Responses?.[tableName()] ?? [])];
  const left = out.UnprocessedKeys?.[tableName()]?.Keys;
  if (left?.length) {
    const again = await db().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: left, ConsistentRead: true } } }),
    );
    items.push(...(again.Responses?.[tableName()] ?? []));
  }
  const find = (key: Key) => items.find((i) => i.pk === key.pk && i.sk === key.sk);
  const deps: WriteDependencies = { defs: [], builtIn: [] };
  for (const w of wanted) {
    const item = find(w.key);
    if (!item) continue;
    if (w.name === 'defs') {
      deps.defs = (item.fields as CustomFieldDef[]) ?? [];
      deps.builtIn = (item.builtIn as BuiltInSensitivity[] | undefined) ?? [];
    } else if (w.name === 'record' || w.name === 'company') deps[w.name] = toApi(item);
    else if (w.name === 'owner')
      deps.owner = {
        id: String(item.id),
        name: String(item.name),
        email: String(item.email),
        teamIds: Array.isArray(item.teamIds) ? item.teamIds.map(String) : [],
      };
    else deps.idempotent = item as unknown as IdempotencyRecord;
  }
  return deps;
}

function conflictOnUnique(kind: RecordKind, current: Record<string, unknown> | undefined): AppError {
  const existingId = String(current?.recordId ?? '');
  return kind === 'contact'
    ? new AppError(
        'conflict',
        'contact.email_taken',
        `Another contact already has this e-mail (contact ${existingId})`,
        {
          email: `Already used by contact ${existingId}`,
        },
      )
    : new AppError(
        'conflict',
        'company.domain_taken',
        `Another company already has this domain (company ${existingId})`,
        {
          domain: `Already used by company ${existingId}`,
        },
      );
}

function putGuard(kind: RecordKind, value: string, recordId: string): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: { ...guardKey(kind, value), type: 'Guard', recordId },
      ConditionExpression: 'attribute_not_exists(pk)',
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

function deleteGuard(kind: RecordKind, value: string, recordId: string): TransactItem {
  return {
    Delete: {
      TableName: tableName(),
      Key: guardKey(kind, value),
      ConditionExpression: 'attribute_not_exists(pk) OR recordId = :id',
      ExpressionAttributeValues: { ':id': recordId },
    },
  };
}

/** Transaction items that move a record's unique guard from `before` to `after`. */
function guardChanges(
  kind: RecordKind,
  before: StoredRecord | undefined,
  after: StoredRecord | undefined,
): TransactItem[] {
  const was = before && !before.deletedAt ? uniqueValueOf(kind, before) : undefined;
  const will = after && !after.deletedAt ? uniqueValueOf(kind, after) : undefined;
  if (was === will) return [];
  const items: TransactItem[] = [];
  if (was) items.push(deleteGuard(kind, was, before!.id));
  if (will) items.push(putGuard(kind, will, after!.id));
  return items;
}

/** Maps a failed transaction to the error the client should see. */
function failureMapper(kind: RecordKind, items: TransactItem[]) {
  return (failed: FailedCondition[]): AppError => {
    for (const f of failed) {
      const item = items[f.index];
      if (item?.Put?.Item?.type === 'Guard') return conflictOnUnique(kind, f.current);
      if (item?.Put?.Item?.type === 'Idempotency') {
        return new AppError(
          'conflict',
          'request.idempotency_in_progress',
          'A request with this Idempotency-Key is in progress; retry',
        );
      }
    }
    return staleVersion(kind);
  };
}

function putRecord(kind: RecordKind, after: StoredRecord, expectedVersion: number | undefined): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: storedItem(kind, after),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'attribute_exists(pk) AND version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
    },
  };
}

/** Creates a record with its guard and audit record (and the idempotent answer). */
export async function createRecord(
  kind: RecordKind,
  record: StoredRecord,
  audit: AuditRecord,
  idempotency?: { request: IdempotencyRequest; status: number; nowMs: number },
  /** More items of the same transaction (e.g. a new lead's follow-up state). */
  extra: TransactItem[] = [],
): Promise<void> {
  const items = [
    putRecord(kind, record, undefined),
    ...guardChanges(kind, undefined, record),
    putAudit(audit),
    ...extra,
  ];
  if (idempotency) items.push(putIdempotency(idempotency.request, idempotency.status, record, idempotency.nowMs));
  await transactWrite(items, failureMapper(kind, items));
}

/**
 * Replaces a record with its next version (edit, soft delete, restore): conditioned on the
 * version the caller read, moving the unique guard as needed, with the audit record.
 */
export async function replaceRecord(
  kind: RecordKind,
  before: StoredRecord,
  after: StoredRecord,
  audit: AuditRecord,
  /** More items of the same transaction (e.g. a bulk job's progress counter). */
  extra: TransactItem[] = [],
): Promise<void> {
  const items = [
    putRecord(kind, after, before.version),
    ...guardChanges(kind, before, after),
    putAudit(audit),
    ...extra,
  ];
  await transactWrite(items, failureMapper(kind, items));
}

/** Deletes a soft-deleted record for good, with its audit record. Already gone → false. */
export async function purgeRecord(kind: RecordKind, record: StoredRecord, audit: AuditRecord): Promise<boolean> {
  const items: TransactItem[] = [
    {
      Delete: {
        TableName: tableName(),
        Key: keys.record(kind, record.id),
        ConditionExpression: 'attribute_exists(deletedAt) AND version = :v',
        ExpressionAttributeValues: { ':v': record.version },
      },
    },
    putAudit(audit),
  ];
  try {
    await transactWrite(items, () => notFound(kind));
    return true;
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not_found') return false;
    throw error;
  }
}
