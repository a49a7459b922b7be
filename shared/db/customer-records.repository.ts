import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, notFound } from '../domain/common/errors.js';
import type { Page } from '../domain/common/fields.js';
import type { RecordScope } from '../domain/common/scope.js';
import type { BuiltInSensitivity } from '../domain/customers/builtin-sensitivity.js';
import type { CustomFieldDef } from '../domain/customers/custom-field.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type IdempotencyRecord, type IdempotencyRequest, putIdempotency } from './idempotency.js';
import {
  companyContactsSource,
  contactPointSearchSource,
  type Key,
  keys,
  type ListSort,
  type ListSource,
  listSource,
  liveIndexKeys,
  nameSearchSource,
  phoneBlindSource,
  phoneExactSource,
  phoneSearchSource,
  type RecordKind,
  teamListSource,
  teamNameSearchSource,
  trashIndexKeys,
  trashSource,
} from './keys.js';
import {
  type FailedCondition,
  getFound,
  recordOf,
  type TransactItem,
  transactWrite,
  versionedPut,
  writeVersioned,
} from './kit.js';
import { type Filter, queryPage } from './query.js';

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

/** The record as the API shows it: storage attributes removed. */
export function toApi(item: Record<string, unknown>): StoredRecord {
  return recordOf<StoredRecord>(item);
}

function uniqueValueOf(kind: RecordKind, r: StoredRecord): string | undefined {
  return kind === 'contact' ? r.email : r.domain;
}

function guardKey(kind: RecordKind, value: string): Key {
  return kind === 'contact' ? keys.emailGuard(value) : keys.domainGuard(value);
}

const TYPE_NAME: Record<RecordKind, string> = { contact: 'Contact', company: 'Company' };

export function recordItem(kind: RecordKind, r: StoredRecord): Record<string, unknown> {
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
  const items = await getFound(wanted.map((w) => w.key));
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
  return (failed: FailedCondition[]): AppError | undefined => {
    for (const f of failed) {
      if (items[f.index]?.Put?.Item?.type === 'Guard') return conflictOnUnique(kind, f.current);
    }
    return undefined;
  };
}

function putRecord(kind: RecordKind, after: StoredRecord, expectedVersion: number | undefined): TransactItem {
  return versionedPut(recordItem(kind, after), expectedVersion);
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
  await writeVersioned(items, kind, failureMapper(kind, items));
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
  await writeVersioned(items, kind, failureMapper(kind, items));
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

// ---------------------------------------------------------------------------------------------
// Lists: each is ONE Query of the index partition that is the caller's scope (keys.ts).

export interface ListQuery {
  q?: string;
  tag?: string;
  ownerId?: string;
  teamId?: string;
  lifecycleStage?: string;
  tier?: string;
  companyId?: string;
  sort: ListSort;
  order?: 'asc' | 'desc';
  view: 'active' | 'deleted';
  cursor?: string;
  limit: number;
}

export const PHONE_LIKE = /^\+?[\d\s().-]{3,}$/;
/** "acme.co", not "Acme Inc." or "J.P. Morgan": no spaces, a dot between labels. */
const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]*)+$/i;

/** The one Query that serves a list: its index partition, what only a filter can narrow, its order. */
export type ListPlan = { source: ListSource; filters: Filter[]; forward: boolean };

/**
 * Chooses the index that serves a list: the trash, a search index for `q`, a company's
 * contacts, or the list sorted as asked, scoped to the owner when the scope is a rep's own
 * records (or when a filter asks for one owner). What no key can serve becomes a FilterExpression.
 */
export function planRecordList(
  kind: RecordKind,
  scope: RecordScope,
  query: ListQuery,
  /** Phone is sensitive: the blind index of the typed number (exact match only), or null (too short). */
  phoneBlind?: string | null,
): ListPlan | 'empty' {
  if (scope.kind === 'team') return planTeamList(kind, query, scope.teamIds, phoneBlind);
  if (scope.kind === 'owner' && query.ownerId && query.ownerId !== scope.ownerId) return 'empty';
  const ownerId = scope.kind === 'owner' ? scope.ownerId : query.ownerId;
  const filters: Filter[] = [];
  if (query.tag) filters.push({ attribute: 'tags', op: 'contains', value: query.tag });
  if (query.lifecycleStage) filters.push({ attribute: 'lifecycleStage', op: 'eq', value: query.lifecycleStage });
  if (query.tier) filters.push({ attribute: 'tier', op: 'eq', value: query.tier });
  const ownerFilter = (): Filter[] => (ownerId ? [{ attribute: 'ownerId', op: 'eq', value: ownerId }] : []);
  const defaultForward = query.sort === 'name';
  const forward = query.order ? query.order === 'asc' : defaultForward;

  if (query.view === 'deleted') {
    return {
      source: trashSource(kind),
      filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
      forward: false,
    };
  }
  if (query.q) {
    const q = query.q;
    if (kind === 'contact' && !q.includes('@') && PHONE_LIKE.test(q)) {
      if (phoneBlind === null) return 'empty';
      return {
        source: phoneBlind ? phoneBlindSource(phoneBlind) : phoneSearchSource(q),
        filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
        forward: true,
      };
    }
    if (q.includes('@') || (kind === 'company' && DOMAIN_LIKE.test(q))) {
      return {
        source: contactPointSearchSource(kind, q),
        filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
        forward: true,
      };
    }
    return {
      source: nameSearchSource(kind, q, ownerId),
      filters: [...filters, ...companyFilter(query)],
      forward: true,
    };
  }
  if (kind === 'contact' && query.companyId) {
    return { source: companyContactsSource(query.companyId), filters: [...filters, ...ownerFilter()], forward: true };
  }
  return { source: listSource(kind, query.sort, ownerId), filters, forward };
}

/**
 * A manager's list: one team at a time (`?teamId=` among theirs, default the first), read from
 * the team index (gsi10 recently updated, gsi11 by name and name search). "Newest first" is
 * served as recently updated (no third team index). Searches by e-mail or phone, the trash and a
 * company's contacts read their own index with the team as a filter, as a rep's owner filter does.
 */
function planTeamList(
  kind: RecordKind,
  query: ListQuery,
  teamIds: readonly string[],
  phoneBlind?: string | null,
): ListPlan | 'empty' {
  const teamId = query.teamId ?? teamIds[0];
  if (!teamId || !teamIds.includes(teamId)) return 'empty';
  const filters: Filter[] = [];
  if (query.tag) filters.push({ attribute: 'tags', op: 'contains', value: query.tag });
  if (query.lifecycleStage) filters.push({ attribute: 'lifecycleStage', op: 'eq', value: query.lifecycleStage });
  if (query.tier) filters.push({ attribute: 'tier', op: 'eq', value: query.tier });
  if (query.ownerId) filters.push({ attribute: 'ownerId', op: 'eq', value: query.ownerId });
  const inTeam: Filter = { attribute: 'teamId', op: 'eq', value: teamId };
  const sort = query.sort === 'name' ? 'name' : 'updated';
  const forward = query.order ? query.order === 'asc' : sort === 'name';
  if (query.view === 'deleted') {
    return { source: trashSource(kind), filters: [...filters, inTeam, ...companyFilter(query)], forward: false };
  }
  if (query.q) {
    const q = query.q;
    const byPhone = kind === 'contact' && !q.includes('@') && PHONE_LIKE.test(q);
    if (byPhone && phoneBlind === null) return 'empty';
    if (byPhone || q.includes('@') || (kind === 'company' && DOMAIN_LIKE.test(q))) {
      const phoneSource = phoneBlind ? phoneBlindSource(phoneBlind) : phoneSearchSource(q);
      const source = byPhone ? phoneSource : contactPointSearchSource(kind, q);
      return { source, filters: [...filters, inTeam, ...companyFilter(query)], forward: true };
    }
    return {
      source: teamNameSearchSource(kind, q, teamId),
      filters: [...filters, ...companyFilter(query)],
      forward: true,
    };
  }
  if (kind === 'contact' && query.companyId) {
    return { source: companyContactsSource(query.companyId), filters: [...filters, inTeam], forward: true };
  }
  return { source: teamListSource(kind, sort, teamId), filters, forward };
}

function companyFilter(query: ListQuery): Filter[] {
  return query.companyId ? [{ attribute: 'companyId', op: 'eq', value: query.companyId }] : [];
}

/** Contacts in the caller's scope, one page (see planRecordList for the index each list reads). */
export function listContacts(scope: RecordScope, query: ListQuery, phoneBlind?: string | null) {
  return listRecords('contact', scope, query, phoneBlind);
}

/** Companies in the caller's scope, one page (see planRecordList for the index each list reads). */
export function listCompanies(scope: RecordScope, query: ListQuery) {
  return listRecords('company', scope, query);
}

export async function listRecords(
  kind: RecordKind,
  scope: RecordScope,
  query: ListQuery,
  phoneBlind?: string | null,
): Promise<Page<StoredRecord>> {
  const plan = planRecordList(kind, scope, query, phoneBlind);
  if (plan === 'empty') return { items: [], nextCursor: null };
  const page = await queryPage<Record<string, unknown>>(plan.source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: plan.forward,
    filters: plan.filters,
  });
  return { items: page.items.map(toApi), nextCursor: page.nextCursor };
}

/** Whether any contact or company names the team: one item of each kind's team index (two Queries, limit 1). */
export async function anyRecordInTeam(teamId: string): Promise<boolean> {
  for (const kind of ['contact', 'company'] as const) {
    const page = await queryPage(teamListSource(kind, 'updated', teamId), { limit: 1, forward: false });
    if (page.items.length > 0) return true;
  }
  return false;
}

/** A phone to match exactly: its national digits, or the blind index of a sensitive phone. */
export type PhoneMatch = { nationalDigits: string } | { blindIndex: string };

/** The contacts with exactly this phone, as stored (gsi9: the plain or the blind phone index). */
export async function contactsByPhone(match: PhoneMatch, limit: number): Promise<StoredRecord[]> {
  const source = 'blindIndex' in match ? phoneBlindSource(match.blindIndex) : phoneExactSource(match.nationalDigits);
  const page = await queryPage<Record<string, unknown>>(source, { limit, forward: true });
  return page.items.map(toApi);
}
