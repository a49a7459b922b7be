import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, invalid } from '../domain/common/errors.js';
import type { Page } from '../domain/common/fields.js';
import type { RecordScope } from '../domain/common/scope.js';
import {
  type Attachment,
  type Contract,
  type ContractListQuery,
  PENDING_ATTACHMENT_HOURS,
} from '../domain/contracts/contract.schema.js';
import { contractReminders, receivablesDeltas } from '../domain/contracts/contract-rules.js';
import { daysBefore, type ReminderSpec } from '../domain/notifications/reminder-times.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { encodeCursor } from './cursor.js';
import {
  type ContractScopeKey,
  companyContractsSource,
  contractEndSource,
  contractIndexKeys,
  contractKeys,
  contractListSource,
  contractPartItem,
  contractPartitionSource,
  receivablesSource,
} from './keys.contracts.js';
import { keyAttributes, type ListSource } from './keys.js';
import { recordOf, type TransactItem, versionedPut, writeVersioned } from './kit.js';
import { type Filter, queryPage } from './query.js';
import { replaceReminders } from './reminders.js';

/**
 * Storage of contracts (keys.contracts.ts). Every write is ONE transaction: the contract
 * (conditioned on its version), its audit/outbox record, its reminders moved with it
 * (reminders.ts: a new end date or status replaces them) and the company's receivables
 * (ADD of the difference), plus what the command adds (an attachment's metadata).
 */

export type StoredContract = Contract & { reminders: ReminderSpec[] };

export function contractFromItem(item: Record<string, unknown>): StoredContract {
  // The reminders are stored with the contract for the sweep, not part of the API record.
  return {
    ...recordOf<Contract>(item, ['reminders']),
    reminders: (item.reminders as ReminderSpec[] | undefined) ?? [],
  };
}

export function stripReminders(c: StoredContract): Contract {
  const { reminders: _r, ...contract } = c;
  return contract;
}

/** One contract by id (GetItem, strongly consistent: read before a conditional write). */
export async function getContract(id: string): Promise<StoredContract | undefined> {
  const out = await db().send(
    new GetCommand({ TableName: tableName(), Key: contractKeys.contract(id), ConsistentRead: true }),
  );
  return out.Item ? contractFromItem(out.Item) : undefined;
}

/** The contract with its attachments: one Query of its partition. */
export async function getContractWithAttachments(
  id: string,
): Promise<{ contract: StoredContract; attachments: Attachment[] } | undefined> {
  const source = contractPartitionSource(id);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': source.pk },
      Limit: 200,
    }),
  );
  const items = out.Items ?? [];
  const contract = items.find((i) => contractPartItem(i) === 'contract');
  if (!contract) return undefined;
  // Pending uploads are not the contract's files yet (see confirmAttachment).
  const attachments = items
    .filter((i) => contractPartItem(i) === 'attachment' && i.status === 'available')
    .map(attachmentFromItem)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { contract: contractFromItem(contract), attachments };
}

export async function getAttachment(
  contractId: string,
  attachmentId: string,
): Promise<(Attachment & { storageKey: string }) | undefined> {
  const out = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: contractKeys.attachment(contractId, attachmentId),
      ConsistentRead: true,
    }),
  );
  return out.Item ? { ...attachmentFromItem(out.Item), storageKey: String(out.Item.storageKey) } : undefined;
}

function attachmentFromItem(i: Record<string, unknown>): Attachment {
  return {
    id: String(i.id),
    fileName: String(i.fileName),
    contentType: String(i.contentType),
    size: Number(i.size),
    // Items written before uploads were confirmed carry no status: they were listed as files.
    status: i.status === 'pending' ? 'pending' : 'available',
    uploadedBy: i.uploadedBy as Attachment['uploadedBy'],
    createdAt: String(i.createdAt),
    ...(i.confirmedAt ? { confirmedAt: String(i.confirmedAt) } : {}),
  };
}

/** The next contract number (atomic counter; a failed create leaves a gap, never a duplicate). */
export async function nextContractNumber(): Promise<string> {
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: contractKeys.counter(),
      UpdateExpression: 'ADD seq :one SET #t = :type',
      ExpressionAttributeNames: { '#t': 'type' },
      ExpressionAttributeValues: { ':one': 1, ':type': 'ContractCounter' },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return `CT-${String(out.Attributes?.seq ?? 0).padStart(6, '0')}`;
}

export function contractItem(c: StoredContract): Record<string, unknown> {
  return { ...contractKeys.contract(c.id), type: 'Contract', ...c, ...contractIndexKeys(c) };
}

/**
 * Writes a contract change. `before` undefined: a create (condition: new). Reminders follow
 * the contract (`now` decides which are still ahead); receivables get the difference.
 */
export async function writeContract(
  before: StoredContract | undefined,
  after: Contract,
  audit: AuditRecord,
  now: Date,
  extra: TransactItem[] = [],
): Promise<StoredContract> {
  // Reminders still ahead, and any already due that the sweep has not fired yet (kept as they are).
  const reminders = contractReminders(after, new Date(0)).filter(
    (s) =>
      Date.parse(s.dueAt) > now.getTime() ||
      (before?.reminders ?? []).some((b) => b.offset === s.offset && b.dueAt === s.dueAt),
  );
  const stored: StoredContract = { ...after, reminders };
  const put = versionedPut(contractItem(stored), before?.version);
  const reminderItems = replaceReminders(
    'contract',
    after.id,
    before?.reminders ?? [],
    reminders,
    after.ownerId,
    `${after.number} ${after.title}`,
    { recipientOrName: Boolean(before && (before.ownerId !== after.ownerId || before.title !== after.title)) },
  );
  const receivables = receivablesDeltas(before, after).map(
    (d): TransactItem => ({
      Update: {
        TableName: tableName(),
        Key: contractKeys.receivables(d.companyId, d.currency),
        UpdateExpression: 'ADD contracted :c, paid :p, outstanding :o SET #t = :type, companyId = :co, currency = :cur',
        ExpressionAttributeNames: { '#t': 'type' },
        ExpressionAttributeValues: {
          ':c': d.contracted,
          ':p': d.paid,
          ':o': d.outstanding,
          ':type': 'Receivables',
          ':co': d.companyId,
          ':cur': d.currency,
        },
      },
    }),
  );
  await writeVersioned([put, putAudit(audit), ...reminderItems, ...receivables, ...extra], 'contract', (failed) => {
    if (failed.some((f) => f.index === 0)) return undefined;
    return new AppError('conflict', 'contract.conflict', 'The contract changed meanwhile; reload and try again');
  });
  return stored;
}

/**
 * A pending attachment: the upload ticket. It expires (TTL) unless confirmed, so an upload that
 * never happens leaves nothing behind in the table.
 */
export function putAttachmentItem(contractId: string, a: Attachment & { storageKey: string }): TransactItem {
  const expiresAt = Math.floor(Date.parse(a.createdAt) / 1000) + PENDING_ATTACHMENT_HOURS * 3600;
  return {
    Put: {
      TableName: tableName(),
      Item: { ...contractKeys.attachment(contractId, a.id), type: 'ContractAttachment', ...a, expiresAt },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Pending → available (condition: still pending), and the TTL goes: the file is the contract's now. */
export function confirmAttachmentItem(contractId: string, attachmentId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: contractKeys.attachment(contractId, attachmentId),
      UpdateExpression: 'SET #s = :available, confirmedAt = :at REMOVE expiresAt',
      ConditionExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':available': 'available', ':pending': 'pending', ':at': at },
    },
  };
}

export async function listContractItems(
  source: Parameters<typeof queryPage>[0],
  req: { limit: number; cursor?: string; forward: boolean; filters?: Filter[] },
): Promise<Page<Contract>> {
  const page = await queryPage<Record<string, unknown>>(source, req);
  return { items: page.items.map((i) => stripReminders(contractFromItem(i))), nextCursor: page.nextCursor };
}

/**
 * One page over several index partitions of the same index (a manager's teams), merged by sort
 * key: one Query per partition (in parallel, each at most `limit` items), the first `limit` of
 * the merge kept. The cursor holds one position per partition: after the last item of that
 * partition that was returned, so nothing is skipped or repeated; each part is checked like any
 * cursor (same index and partition), so a cursor cannot widen the scope.
 */
export async function listContractItemsMerged(
  sources: readonly ListSource[],
  req: { limit: number; cursor?: string; forward: boolean; filters?: Filter[] },
): Promise<Page<Contract>> {
  if (sources.length === 1) return listContractItems(sources[0]!, req);
  const positions = decodeMergedCursor(req.cursor, sources.length);
  const pages = await Promise.all(
    sources.map((source, i) =>
      positions[i] === DONE
        ? { items: [], nextCursor: null }
        : queryPage<Record<string, unknown>>(source, { ...req, cursor: positions[i] || undefined }),
    ),
  );
  const sortKeyOf = (i: number, item: Record<string, unknown>) => String(item[keyAttributes(sources[i]!).sk]);
  const merged = pages
    .flatMap((page, i) => page.items.map((item) => ({ i, item, key: sortKeyOf(i, item) })))
    .sort((a, b) => (req.forward ? a.key.localeCompare(b.key) : b.key.localeCompare(a.key)))
    .slice(0, req.limit);
  const next = pages.map((page, i) => {
    const taken = merged.filter((m) => m.i === i);
    if (taken.length === page.items.length) return page.nextCursor ?? DONE;
    if (taken.length === 0) return positions[i] ?? '';
    const last = taken[taken.length - 1]!.item;
    const { pk, sk } = keyAttributes(sources[i]!);
    return (
      encodeCursor(sources[i]!, {
        pk: String(last.pk),
        sk: String(last.sk),
        [pk]: String(last[pk]),
        [sk]: String(last[sk]),
      }) ?? DONE
    );
  });
  return {
    items: merged.map((m) => stripReminders(contractFromItem(m.item))),
    nextCursor: next.every((n) => n === DONE) ? null : Buffer.from(JSON.stringify({ m: next })).toString('base64url'),
  };
}

/** A partition read to its end; '' is one not read yet. */
const DONE = '-';

function decodeMergedCursor(cursor: string | undefined, parts: number): string[] {
  if (cursor === undefined) return Array.from({ length: parts }, () => '');
  const bad = () => invalid({ cursor: 'Malformed or expired cursor; start from the first page' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const m = (parsed as { m?: unknown } | null)?.m;
  if (!Array.isArray(m) || m.length !== parts || !m.every((c) => typeof c === 'string')) throw bad();
  return m as string[];
}

export interface ReceivablesRow {
  currency: string;
  contracted: number;
  paid: number;
  outstanding: number;
}

/** A company's maintained receivables, one row per currency. */
export async function readReceivables(companyId: string): Promise<ReceivablesRow[]> {
  const page = await queryPage<Record<string, unknown>>(receivablesSource(companyId), { limit: 50, forward: true });
  return page.items.map((i) => ({
    currency: String(i.currency),
    contracted: Number(i.contracted ?? 0),
    paid: Number(i.paid ?? 0),
    outstanding: Number(i.outstanding ?? 0),
  }));
}

// ---------------------------------------------------------------------------------------------
// Lists: scoped IN THE QUERY (keys.contracts.ts): an owner's or team's index partition for reps
// and managers, the whole list for admins and finance.

/**
 * A manager's list reads each of their teams' partitions and merges them (one Query per team
 * per page). Bounded: a manager of more teams than this reads the first ones (the teams claim
 * keeps a handful; see shared/auth/principal.ts).
 */
export const MAX_MERGED_TEAMS = 10;

/** The index partitions of a scope: all, their own, or each of their teams. */
function contractPartitions(scope: RecordScope): ContractScopeKey[] {
  if (scope.kind === 'all') return [{ kind: 'all' }];
  if (scope.kind === 'owner') return [{ kind: 'owner', ownerId: scope.ownerId }];
  return [...new Set(scope.teamIds)].slice(0, MAX_MERGED_TEAMS).map((teamId) => ({ kind: 'team', teamId }));
}

/**
 * Active contracts of the scope whose end date lies in [from, to] (the END index, a sort-key
 * range; `from` open: already ended), soonest first when `forward`.
 */
export async function listContractsEnding(
  scope: RecordScope,
  range: { from?: string; to: string },
  page: { limit: number; cursor?: string; forward: boolean },
): Promise<Page<Contract>> {
  const partitions = contractPartitions(scope);
  if (partitions.length === 0) return { items: [], nextCursor: null };
  return listContractItemsMerged(
    partitions.map((p) => contractEndSource(p, range.from, range.to)),
    page,
  );
}

/**
 * The contracts list in a scope. "Expiring" (within `endingWithinDays`, default 30) and
 * "expired" read the END index of active contracts (a date range from `today`), never a filter
 * over everything; the rest read recently updated, a lifecycle status or company as a filter.
 */
export async function listContracts(
  scope: RecordScope,
  query: Pick<ContractListQuery, 'status' | 'companyId' | 'endingWithinDays' | 'limit' | 'cursor'>,
  today: string,
): Promise<Page<Contract>> {
  const page = { limit: query.limit, cursor: query.cursor };
  if (query.endingWithinDays !== undefined || query.status === 'expiring') {
    const to = daysBefore(today, -(query.endingWithinDays ?? 30));
    return listContractsEnding(scope, { from: today, to }, { ...page, forward: true });
  }
  if (query.status === 'expired') {
    return listContractsEnding(scope, { to: daysBefore(today, 1) }, { ...page, forward: false });
  }
  const partitions = contractPartitions(scope);
  if (partitions.length === 0) return { items: [], nextCursor: null };
  const filters: Filter[] = [];
  // `active` is read as the lifecycle; the caller narrows it to those not yet expiring.
  if (query.status) filters.push({ attribute: 'status', op: 'eq', value: query.status });
  if (query.companyId) filters.push({ attribute: 'companyId', op: 'eq', value: query.companyId });
  return listContractItemsMerged(partitions.map(contractListSource), { ...page, forward: false, filters });
}

/** A company's contracts by end date (gsi7), every status: what its receivables are computed from. */
export function listCompanyContracts(companyId: string, limit: number): Promise<Page<Contract>> {
  return listContractItems(companyContractsSource(companyId), { limit, forward: true });
}
