import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/common/fields.js';
import type { RecordScope } from '../domain/common/scope.js';
import type { BoardColumn, ColumnTotals, Deal, DealListQuery } from '../domain/deals/deal.schema.js';
import { totalsDeltas } from '../domain/deals/deal-rules.js';
import type { Pipeline } from '../domain/deals/pipeline.schema.js';
import { DEFAULT_PIPELINE_ID } from '../domain/deals/pipeline.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type IdempotencyRecord, type IdempotencyRequest, putIdempotency } from './idempotency.js';
import type { Key, ListSource } from './keys.core.js';
import { coreKeys } from './keys.core.js';
import {
  closeMonthOf,
  type DealPartition,
  dealCloseMonthSource,
  dealIndexKeys,
  dealKeys,
  dealListSource,
  dealPartitionFor,
  dealStageSource,
  dealTotalsSource,
  deletedDealIndexKeys,
  pipelineIndexKeys,
} from './keys.deals.js';
import { recordKeys } from './keys.records.js';
import { staffKeys } from './keys.staff.js';
import { getFound, recordOf, type TransactItem, versionedPut, writeVersioned } from './kit.js';
import { type Filter, queryPage } from './query.js';

/**
 * Storage of pipelines and deals. A deal write is ONE transaction: the deal (conditioned on the
 * version the caller read), its audit record (the outbox entry), the board totals it moves
 * (ADD on the totals items of every scope it leaves or joins) and, on create, the idempotent
 * answer. So the totals can never drift from the deals.
 */

/** Deleted deals stay readable by id for this long, then TTL removes them. */
export const DEAL_RETENTION_DAYS = 30;

const strip = recordOf;

export const dealFromItem = (item: Record<string, unknown>): Deal => strip<Deal>(item);

export function dealItem(d: Deal): Record<string, unknown> {
  const base = { ...dealKeys.deal(d.id), type: 'Deal', ...d };
  if (!d.deletedAt) return { ...base, ...dealIndexKeys(d) };
  const expiresAt = Math.floor(Date.parse(d.deletedAt) / 1000) + (DEAL_RETENTION_DAYS + 1) * 86_400;
  return { ...base, ...deletedDealIndexKeys({ id: d.id, deletedAt: d.deletedAt }), expiresAt };
}

export async function getDeal(id: string): Promise<Deal | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: dealKeys.deal(id), ConsistentRead: true }));
  return out.Item ? dealFromItem(out.Item) : undefined;
}

export async function getPipeline(id: string): Promise<Pipeline | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: dealKeys.pipeline(id) }));
  return out.Item ? strip<Pipeline>(out.Item) : undefined;
}

export interface DealWriteDependencies {
  deal?: Deal;
  pipeline?: Pipeline;
  company?: { id: string; name: string; deletedAt?: string };
  owner?: { id: string; name: string; teamIds: string[] };
  contacts: { id: string; name: string; deletedAt?: string }[];
  idempotent?: IdempotencyRecord;
}

/**
 * Everything a deal write needs, in one BatchGetItem: the deal, its pipeline, the company and
 * contacts it links, the owner (whose team the deal joins) and an earlier answer to the same
 * Idempotency-Key.
 */
export async function loadDealWriteDependencies(req: {
  dealId?: string;
  pipelineId?: string;
  companyId?: string;
  ownerId?: string;
  contactIds?: readonly string[];
  idempotency?: IdempotencyRequest;
}): Promise<DealWriteDependencies> {
  const wanted: { name: string; key: Key }[] = [];
  if (req.dealId) wanted.push({ name: 'deal', key: dealKeys.deal(req.dealId) });
  if (req.pipelineId) wanted.push({ name: 'pipeline', key: dealKeys.pipeline(req.pipelineId) });
  if (req.companyId) wanted.push({ name: 'company', key: recordKeys.record('company', req.companyId) });
  if (req.ownerId) wanted.push({ name: 'owner', key: staffKeys.user(req.ownerId) });
  for (const c of new Set(req.contactIds ?? [])) wanted.push({ name: 'contact', key: recordKeys.record('contact', c) });
  if (req.idempotency)
    wanted.push({ name: 'idempotent', key: coreKeys.idempotency(req.idempotency.userId, req.idempotency.key) });
  const deps: DealWriteDependencies = { contacts: [] };
  if (wanted.length === 0) return deps;
  const items = await getFound(wanted.map((w) => w.key));
  const find = (key: Key) => items.find((i) => i.pk === key.pk && i.sk === key.sk);
  for (const w of wanted) {
    const item = find(w.key);
    if (!item) continue;
    if (w.name === 'deal') deps.deal = dealFromItem(item);
    else if (w.name === 'pipeline') deps.pipeline = strip<Pipeline>(item);
    else if (w.name === 'company')
      deps.company = { id: String(item.id), name: String(item.name), deletedAt: item.deletedAt as string | undefined };
    else if (w.name === 'contact')
      deps.contacts.push({
        id: String(item.id),
        name: String(item.name),
        deletedAt: item.deletedAt as string | undefined,
      });
    else if (w.name === 'owner')
      deps.owner = {
        id: String(item.id),
        name: String(item.name),
        teamIds: Array.isArray(item.teamIds) ? item.teamIds.map(String) : [],
      };
    else deps.idempotent = item as unknown as IdempotencyRecord;
  }
  return deps;
}

/** The scopes whose board totals a deal counts in (none once deleted). */
function scopesOf(d: Deal | undefined): DealPartition[] {
  if (!d || d.deletedAt) return [];
  const out: DealPartition[] = [{ kind: 'all' }, { kind: 'owner', ownerId: d.ownerId }];
  if (d.teamId) out.push({ kind: 'team', teamId: d.teamId });
  return out;
}

const scopeId = (s: DealPartition) =>
  s.kind === 'all' ? 'all' : s.kind === 'owner' ? `o:${s.ownerId}` : `t:${s.teamId}`;

/** ADD updates of the totals items a write moves, merged per item (a transaction touches an item once). */
export function totalsUpdates(before: Deal | undefined, after: Deal | undefined): TransactItem[] {
  const scopes = new Map<string, { scope: DealPartition; before: boolean; after: boolean }>();
  for (const s of scopesOf(before)) scopes.set(scopeId(s), { scope: s, before: true, after: false });
  for (const s of scopesOf(after)) {
    const entry = scopes.get(scopeId(s));
    if (entry) entry.after = true;
    else scopes.set(scopeId(s), { scope: s, before: false, after: true });
  }
  const items: TransactItem[] = [];
  for (const { scope, before: inBefore, after: inAfter } of scopes.values()) {
    const pipelineId = (after ?? before)!.pipelineId;
    const deltas = totalsDeltas(inBefore ? before : undefined, inAfter ? after : undefined);
    for (const d of deltas) {
      items.push({
        Update: {
          TableName: tableName(),
          Key: dealKeys.totals(pipelineId, scope, d.stageId, d.currency),
          UpdateExpression: 'SET #type = :type, stageId = :stage, currency = :cur ADD #count :n, amount :a',
          ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
          ExpressionAttributeValues: {
            ':type': 'DealTotals',
            ':stage': d.stageId,
            ':cur': d.currency,
            ':n': d.count,
            ':a': d.amount,
          },
        },
      });
    }
  }
  return items;
}

function putDeal(after: Deal, expectedVersion: number | undefined): TransactItem {
  return versionedPut(dealItem(after), expectedVersion);
}

/**
 * Writes a deal's next version (or its first): the deal conditioned on `before.version`, its
 * audit record and the totals it moves, all or nothing. A stale version → 409. Returns the
 * deal as stored (with its close month).
 */
export async function writeDeal(
  before: Deal | undefined,
  after: Deal,
  audit: AuditRecord,
  idempotency?: { request: IdempotencyRequest; status: number; nowMs: number },
): Promise<Deal> {
  const stored: Deal = { ...after, closeMonth: closeMonthOf(after) };
  const items = [putDeal(stored, before?.version), putAudit(audit), ...totalsUpdates(before, stored)];
  if (idempotency) items.push(putIdempotency(idempotency.request, idempotency.status, stored, idempotency.nowMs));
  await writeVersioned(items, 'deal');
  return stored;
}

/**
 * The column totals of a scope's board: one Query of its totals partition (one item per stage
 * and currency; a pipeline has at most 20 stages, so one page). Empty cells are left out.
 */
export async function readTotals(pipelineId: string, scope: DealPartition): Promise<Map<string, ColumnTotals>> {
  const source = dealTotalsSource(pipelineId, scope);
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': source.pk },
    }),
  );
  const totals = new Map<string, ColumnTotals>();
  for (const item of out.Items ?? []) {
    const stageId = String(item.stageId);
    const count = Number(item.count ?? 0);
    const amount = Number(item.amount ?? 0);
    if (count === 0 && amount === 0) continue;
    const column = totals.get(stageId) ?? { count: 0, amounts: [] };
    column.count += count;
    column.amounts.push({ currency: String(item.currency), amount });
    totals.set(stageId, column);
  }
  for (const column of totals.values()) column.amounts.sort((a, b) => a.currency.localeCompare(b.currency));
  return totals;
}

export async function listPipelineItems(): Promise<Pipeline[]> {
  const out = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': pipelineIndexKeys({ id: '', name: '' }).gsi2pk },
      // Pipelines are configuration: a handful per team. Bounded all the same.
      Limit: 100,
    }),
  );
  return (out.Items ?? []).map((i) => strip<Pipeline>(i));
}

/** Writes a pipeline's next version (or its first) with its audit record. */
export async function writePipeline(
  before: Pipeline | undefined,
  after: Pipeline,
  audit: AuditRecord,
  /** More items of the same transaction (a create's stored Idempotency-Key answer). */
  extra: TransactItem[] = [],
): Promise<void> {
  const items: TransactItem[] = [
    versionedPut(
      { ...dealKeys.pipeline(after.id), type: 'Pipeline', ...after, ...pipelineIndexKeys(after) },
      before?.version,
    ),
    putAudit(audit),
  ];
  items.push(...extra);
  await writeVersioned(items, 'pipeline');
}

// ---------------------------------------------------------------------------------------------
// Lists: each is ONE Query of the partition that is the caller's scope (keys.deals.ts).

export interface ListPlan {
  source: ListSource;
  filters: Filter[];
  forward: boolean;
}

/**
 * The ONE Query that serves a deal list (see the list plan in keys.deals.ts): the scope's
 * partition (narrowed by an owner or team filter), on the stage index when a stage is asked
 * for, else the close-month index when a month is, else recently updated. The rest are
 * FilterExpressions on that partition. 'empty' when the filter lies outside the scope.
 */
export function planDealList(scope: RecordScope, query: DealListQuery): ListPlan | 'empty' {
  const scoped = dealPartitionFor(scope, { ownerId: query.ownerId, teamId: query.teamId });
  if (scoped === 'empty') return 'empty';
  const { partition, teamFilter } = scoped;
  const filters: Filter[] = [];
  if (teamFilter) filters.push({ attribute: 'teamId', op: 'eq', value: teamFilter });
  if (query.currency) filters.push({ attribute: 'currency', op: 'eq', value: query.currency });
  if (query.minAmount !== undefined) filters.push({ attribute: 'amount', op: 'gte', value: query.minAmount });
  if (query.maxAmount !== undefined) filters.push({ attribute: 'amount', op: 'lte', value: query.maxAmount });
  const descending = query.order ? query.order === 'desc' : query.sort === 'updated';

  if (query.stageId) {
    if (query.closeMonth) filters.push({ attribute: 'closeMonth', op: 'eq', value: query.closeMonth });
    if (query.status) filters.push({ attribute: 'status', op: 'eq', value: query.status });
    const pipelineId = query.pipelineId ?? DEFAULT_PIPELINE_ID;
    return { source: dealStageSource(partition, pipelineId, query.stageId), filters, forward: !descending };
  }
  if (query.pipelineId) filters.push({ attribute: 'pipelineId', op: 'eq', value: query.pipelineId });
  if (query.closeMonth) {
    return {
      source: dealCloseMonthSource(query.closeMonth, partition, query.status),
      filters,
      forward: !descending,
    };
  }
  if (query.status) filters.push({ attribute: 'status', op: 'eq', value: query.status });
  return { source: dealListSource(partition), filters, forward: !descending };
}

/** Deals in the caller's scope, one page of the Query planDealList chooses. */
export async function listDeals(scope: RecordScope, query: DealListQuery): Promise<Page<Deal>> {
  const plan = planDealList(scope, query);
  if (plan === 'empty') return { items: [], nextCursor: null };
  const page = await queryPage<Record<string, unknown>>(plan.source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: plan.forward,
    filters: plan.filters,
  });
  return { items: page.items.map(dealFromItem), nextCursor: page.nextCursor };
}

/**
 * The board of a pipeline in the caller's scope: one page per stage (each its own Query on the
 * scope's stage index, recently updated first, run side by side) and the column totals from the
 * maintained totals (one Query): stages + 1 requests, whatever the number of deals.
 */
export async function dealBoardColumns(
  scope: RecordScope,
  pipeline: Pipeline,
  query: { ownerId?: string; teamId?: string; limit: number },
): Promise<BoardColumn[]> {
  const scoped = dealPartitionFor(scope, { ownerId: query.ownerId, teamId: query.teamId });
  if (scoped === 'empty') {
    return pipeline.stages.map((s) => ({
      stageId: s.id,
      items: [],
      nextCursor: null,
      totals: { count: 0, amounts: [] },
    }));
  }
  const filters: Filter[] = scoped.teamFilter ? [{ attribute: 'teamId', op: 'eq', value: scoped.teamFilter }] : [];
  const [totals, ...pages] = await Promise.all([
    readTotals(pipeline.id, scoped.partition),
    ...pipeline.stages.map((s) =>
      queryPage<Record<string, unknown>>(dealStageSource(scoped.partition, pipeline.id, s.id), {
        limit: query.limit,
        forward: false,
        filters,
      }),
    ),
  ]);
  return pipeline.stages.map((s, i) => ({
    stageId: s.id,
    items: pages[i]!.items.map(dealFromItem),
    nextCursor: pages[i]!.nextCursor,
    totals: totals.get(s.id) ?? { count: 0, amounts: [] },
  }));
}
