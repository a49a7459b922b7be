import { BatchGetCommand, type BatchGetCommandOutput, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, staleVersion } from '../domain/common/errors.js';
import type { ColumnTotals, Deal } from '../domain/deals/deal.schema.js';
import { totalsDeltas } from '../domain/deals/deal-rules.js';
import type { Pipeline } from '../domain/deals/pipeline.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { type IdempotencyRecord, type IdempotencyRequest, putIdempotency } from './idempotency.js';
import {
  closeMonthOf,
  type DealPartition,
  dealIndexKeys,
  dealKeys,
  dealTotalsSource,
  deletedDealIndexKeys,
  pipelineIndexKeys,
} from './keys.deals.js';
import { ALL_INDEX_ATTRIBUTES, type Key, keys } from './keys.js';
import { type FailedCondition, type TransactItem, transactWrite } from './transact.js';

/**
 * Storage of pipelines and deals. A deal write is ONE transaction: the deal (conditioned on the
 * version the caller read), its audit record (the outbox entry), the board totals it moves
 * (ADD on the totals items of every scope it leaves or joins) and, on create, the idempotent
 * answer. So the totals can never drift from the deals.
 */

/** Deleted deals stay readable by id for this long, then TTL removes them. */
export const DEAL_RETENTION_DAYS = 30;

const INTERNAL = new Set(['pk', 'sk', 'type', 'expiresAt', ...ALL_INDEX_ATTRIBUTES]);

function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(item)) if (!INTERNAL.has(k)) out[k] = v;
  return out as T;
}

export const dealFromItem = (item: Record<string, unknown>): Deal => strip<Deal>(item);

function dealItem(d: Deal): Record<string, unknown> {
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
  if (req.companyId) wanted.push({ name: 'company', key: keys.record('company', req.companyId) });
  if (req.ownerId) wanted.push({ name: 'owner', key: keys.user(req.ownerId) });
  for (const c of new Set(req.contactIds ?? [])) wanted.push({ name: 'contact', key: keys.record('contact', c) });
  if (req.idempotency)
    wanted.push({ name: 'idempotent', key: keys.idempotency(req.idempotency.userId, req.idempotency.key) });
  const deps: DealWriteDependencies = { contacts: [] };
  if (wanted.length === 0) return deps;
  const items = await batchGet(wanted.map((w) => w.key));
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

async function batchGet(wanted: Key[]): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let keysLeft: Record<string, unknown>[] | undefined = wanted as unknown as Record<string, unknown>[];
  // A BatchGet may leave keys unprocessed under load; they are few, so at most two more reads.
  for (let attempt = 0; attempt < 3 && keysLeft?.length; attempt++) {
    const out: BatchGetCommandOutput = await db().send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keysLeft, ConsistentRead: true } } }),
    );
    items.push(...(out.Responses?.[tableName()] ?? []));
    keysLeft = out.UnprocessedKeys?.[tableName()]?.Keys;
  }
  return items;
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
  return {
    Put: {
      TableName: tableName(),
      Item: dealItem(after),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'attribute_exists(pk) AND version = :v',
            ExpressionAttributeValues: { ':v': expectedVersion },
          }),
    },
  };
}

function failureMapper(items: TransactItem[]) {
  return (failed: FailedCondition[]): AppError => {
    for (const f of failed) {
      if (items[f.index]?.Put?.Item?.type === 'Idempotency')
        return new AppError(
          'conflict',
          'request.idempotency_in_progress',
          'A request with this Idempotency-Key is in progress; retry',
        );
    }
    return staleVersion('deal');
  };
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
  await transactWrite(items, failureMapper(items));
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
    {
      Put: {
        TableName: tableName(),
        Item: { ...dealKeys.pipeline(after.id), type: 'Pipeline', ...after, ...pipelineIndexKeys(after) },
        ...(before === undefined
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'attribute_exists(pk) AND version = :v',
              ExpressionAttributeValues: { ':v': before.version },
            }),
      },
    },
    putAudit(audit),
  ];
  items.push(...extra);
  await transactWrite(items, () => staleVersion('pipeline'));
}
