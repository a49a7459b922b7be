import type { RecordScope } from '../domain/common/scope.js';
import { type IndexName, type Key, type ListSource, nameKey, TYPE } from './keys.core.js';

/**
 * Keys of the deals context: pipelines, deals and the maintained board totals. Built here and
 * nowhere else. Every partition value starts with PIPELINE or DEAL (see TYPE in keys.ts), so the
 * overloaded GSIs are shared with the other contexts without collisions.
 *
 * Base table
 * | item                          | pk                                        | sk                    |
 * |-------------------------------|-------------------------------------------|-----------------------|
 * | pipeline (stages, lost reasons)| PIPELINE#<pipelineId>                    | PIPELINE              |
 * | deal                          | DEAL#<dealId>                             | DEAL                  |
 * | board totals of a scope       | DEAL#TOTALS#<pipelineId>#<scope>          | <stageId>#<currency>  |
 * | audit record                  | AUDIT#DEAL#<id> / AUDIT#PIPELINE#<id>     | <at>#<auditId>        |
 * <scope> is ALL, OWNER#<ownerId> or TEAM#<teamId>. A totals item holds `count` and `amount`
 * (minor units), changed with ADD in the same transaction as the deal write that moves them
 * (create, stage change, amount/currency/owner edit, delete): the column totals of a board are
 * one Query of a totals partition, never a read of the deals.
 *
 * Overloaded GSIs used by deals (all project ALL). <P> is the partition of a scope:
 * DEAL#ALL, DEAL#OWNER#<ownerId> or DEAL#TEAM#<teamId>; <stage> is <pipelineId>#<stageId>;
 * <status> is open, won or lost; <date> is the expected close date (open) or the close date.
 * | index | pk                     | sk                        | access pattern                                   |
 * |-------|------------------------|---------------------------|--------------------------------------------------|
 * | gsi1  | DEAL#ALL               | <updatedAt>#<id>          | all deals, recently updated first (admin list)   |
 * | gsi1  | DEAL#DELETED           | <deletedAt>#<id>          | deleted deals (kept 30 days, then TTL)           |
 * | gsi4  | DEAL#OWNER#<ownerId>   | <updatedAt>#<id>          | a rep's deals, recently updated first            |
 * | gsi10 | DEAL#TEAM#<teamId>     | <updatedAt>#<id>          | a team's deals, recently updated first           |
 * | gsi2  | DEAL#STAGE#<stage>     | <updatedAt>#<id>          | board column / list by stage, all deals          |
 * | gsi5  | <P owner>#STAGE#<stage>| <updatedAt>#<id>          | board column / list by stage, a rep's deals      |
 * | gsi11 | <P team>#STAGE#<stage> | <updatedAt>#<id>          | board column / list by stage, a team's deals     |
 * | gsi3  | DEAL#CLOSE#<yyyy-mm>   | <status>#<date>#<id>      | deals closing in a month (forecast), all         |
 * | gsi6  | <P owner>#CLOSE#<yyyy-mm>| <status>#<date>#<id>    | deals closing in a month, a rep's                |
 * | gsi7  | <P team>#CLOSE#<yyyy-mm>| <status>#<date>#<id>     | deals closing in a month, a team's               |
 * | gsi2  | PIPELINE#ALL           | <name>#<pipelineId>       | pipelines by name                                |
 * The close-month sort key starts with the status, so "open deals expected to close in March"
 * or "deals won in March" is a begins_with on one partition (dealCloseMonthSource).
 *
 * List plan (planDealList in deals.repository.ts): each request is ONE Query. The partition is the
 * scope (a rep: their owner partition; a manager: one of their teams, or one rep of it; admin
 * and finance: all, or an owner / team they filter by); the index is the stage index when a
 * stage is asked for, else the close-month index when a month is asked for, else the
 * recently-updated index. Every other filter (pipeline, close month next to a stage, amount
 * range, currency, and a manager's team when they pick one rep) is a FilterExpression on that
 * bounded partition. A deleted deal keeps only its DEAL#DELETED entry.
 */

/** Which deals a query reads: everyone's, one owner's or one team's. */
export type DealPartition = { kind: 'all' } | { kind: 'owner'; ownerId: string } | { kind: 'team'; teamId: string };

export type DealStatus = 'open' | 'won' | 'lost';

const DEAL = TYPE.deal;
const PIPELINE = TYPE.pipeline;

export const dealKeys = {
  deal: (id: string): Key => ({ pk: `${DEAL}#${id}`, sk: DEAL }),
  pipeline: (id: string): Key => ({ pk: `${PIPELINE}#${id}`, sk: PIPELINE }),
  /** One totals item: the count and amount of a scope's deals in a stage, in one currency. */
  totals: (pipelineId: string, scope: DealPartition, stageId: string, currency: string): Key => ({
    pk: totalsPartition(pipelineId, scope),
    sk: `${stageId}#${currency}`,
  }),
};

function scopePart(scope: DealPartition): string {
  switch (scope.kind) {
    case 'all':
      return 'ALL';
    case 'owner':
      return `OWNER#${scope.ownerId}`;
    case 'team':
      return `TEAM#${scope.teamId}`;
  }
}

function scopePartition(scope: DealPartition): string {
  return `${DEAL}#${scopePart(scope)}`;
}

function totalsPartition(pipelineId: string, scope: DealPartition): string {
  return `${DEAL}#TOTALS#${pipelineId}#${scopePart(scope)}`;
}

/** The three index families, each with its all / owner / team index. */
const FAMILY: Record<'updated' | 'stage' | 'close', Record<DealPartition['kind'], IndexName>> = {
  updated: { all: 'gsi1', owner: 'gsi4', team: 'gsi10' },
  stage: { all: 'gsi2', owner: 'gsi5', team: 'gsi11' },
  close: { all: 'gsi3', owner: 'gsi6', team: 'gsi7' },
};

/** The month (yyyy-mm) a deal counts in: expected close while open, actual close once won or lost. */
export function closeMonthOf(d: { status: DealStatus; expectedCloseDate: string; closedAt?: string }): string {
  return closeDateOf(d).slice(0, 7);
}

function closeDateOf(d: { status: DealStatus; expectedCloseDate: string; closedAt?: string }): string {
  return d.status !== 'open' && d.closedAt ? d.closedAt.slice(0, 10) : d.expectedCloseDate;
}

export interface IndexedDeal {
  id: string;
  name: string;
  ownerId: string;
  teamId?: string;
  pipelineId: string;
  stageId: string;
  status: DealStatus;
  expectedCloseDate: string;
  closedAt?: string;
  updatedAt: string;
}

/** The GSI attributes of a live deal (see the table above). */
export function dealIndexKeys(d: IndexedDeal): Record<string, string> {
  const updated = `${d.updatedAt}#${d.id}`;
  const month = closeMonthOf(d);
  const close = `${d.status}#${closeDateOf(d)}#${d.id}`;
  const stage = `${d.pipelineId}#${d.stageId}`;
  const scopes: DealPartition[] = [{ kind: 'all' }, { kind: 'owner', ownerId: d.ownerId }];
  if (d.teamId) scopes.push({ kind: 'team', teamId: d.teamId });
  const out: Record<string, string> = {};
  for (const scope of scopes) {
    const p = scopePartition(scope);
    const u = FAMILY.updated[scope.kind];
    const s = FAMILY.stage[scope.kind];
    const c = FAMILY.close[scope.kind];
    out[`${u}pk`] = p;
    out[`${u}sk`] = updated;
    out[`${s}pk`] = scope.kind === 'all' ? `${DEAL}#STAGE#${stage}` : `${p}#STAGE#${stage}`;
    out[`${s}sk`] = updated;
    out[`${c}pk`] = `${p === `${DEAL}#ALL` ? DEAL : p}#CLOSE#${month}`;
    out[`${c}sk`] = close;
  }
  return out;
}

/** The only GSI attributes a deleted deal keeps. */
export function deletedDealIndexKeys(d: { id: string; deletedAt: string }): Record<string, string> {
  return { gsi1pk: `${DEAL}#DELETED`, gsi1sk: `${d.deletedAt}#${d.id}` };
}

/** Deals of a scope, recently updated first (gsi1 / gsi4 / gsi10). */
export function dealListSource(scope: DealPartition): ListSource {
  return { index: FAMILY.updated[scope.kind], pk: scopePartition(scope) };
}

/** One board column: the deals of a scope in a stage, recently updated first (gsi2 / gsi5 / gsi11). */
export function dealStageSource(scope: DealPartition, pipelineId: string, stageId: string): ListSource {
  const stage = `${pipelineId}#${stageId}`;
  return {
    index: FAMILY.stage[scope.kind],
    pk: scope.kind === 'all' ? `${DEAL}#STAGE#${stage}` : `${scopePartition(scope)}#STAGE#${stage}`,
  };
}

/**
 * Deals of a scope that close in a month (yyyy-mm): open deals by expected close date, won and
 * lost deals by the date they closed (gsi3 / gsi6 / gsi7). With `status`, only those deals
 * (begins_with on the sort key), in date order. For the forecast: weighted pipeline = open deals
 * of the month; attainment = won deals of the month.
 */
export function dealCloseMonthSource(month: string, scope: DealPartition, status?: DealStatus): ListSource {
  const p = scopePartition(scope);
  return {
    index: FAMILY.close[scope.kind],
    pk: `${scope.kind === 'all' ? DEAL : p}#CLOSE#${month}`,
    ...(status ? { skPrefix: `${status}#` } : {}),
  };
}

/** The board totals of a scope in a pipeline: one item per stage and currency (base table). */
export function dealTotalsSource(pipelineId: string, scope: DealPartition): ListSource {
  return { index: 'table', pk: totalsPartition(pipelineId, scope) };
}

export function pipelineIndexKeys(p: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: `${PIPELINE}#ALL`, gsi2sk: `${nameKey(p.name)}#${p.id}` };
}

/**
 * The partition a scope reads, narrowed by the owner / team it filters by; 'empty' when
 * the filter lies outside their scope (a rep asking for another rep, a manager for another team).
 * A manager asking for one rep reads that rep's partition; the caller adds a team filter so the
 * rep's deals in other teams stay hidden (`teamFilter`).
 */
export function dealPartitionFor(
  scope: RecordScope,
  want: { ownerId?: string; teamId?: string },
): { partition: DealPartition; teamFilter?: string } | 'empty' {
  switch (scope.kind) {
    case 'owner':
      if (want.ownerId && want.ownerId !== scope.ownerId) return 'empty';
      return { partition: { kind: 'owner', ownerId: scope.ownerId } };
    case 'team': {
      const teamId = want.teamId ?? scope.teamIds[0];
      if (!teamId || !scope.teamIds.includes(teamId)) return 'empty';
      if (want.ownerId) return { partition: { kind: 'owner', ownerId: want.ownerId }, teamFilter: teamId };
      return { partition: { kind: 'team', teamId } };
    }
    case 'all':
      if (want.ownerId)
        return {
          partition: { kind: 'owner', ownerId: want.ownerId },
          ...(want.teamId ? { teamFilter: want.teamId } : {}),
        };
      if (want.teamId) return { partition: { kind: 'team', teamId: want.teamId } };
      return { partition: { kind: 'all' } };
  }
}
