import { AppError, invalid } from '../common/errors.js';
import type { DealStatus, StageVisit } from './deal.schema.js';
import type { LostReason, Pipeline, Stage } from './pipeline.schema.js';

/**
 * Pure rules of deals and pipelines: probability (stage default unless overridden; won 100,
 * lost 0), what a stage change does to status, close date, lost reason and stage history, time
 * in stage, and what makes a pipeline valid. No I/O: the commands read, call these, and write.
 */

/** The most stage visits a deal keeps (oldest dropped): bounds the item size. */
export const MAX_STAGE_HISTORY = 50;

export function stageOrThrow(pipeline: Pipeline, stageId: string, field = 'stageId'): Stage {
  const stage = pipeline.stages.find((s) => s.id === stageId);
  if (!stage) throw invalid({ [field]: `Not a stage of the pipeline ${pipeline.name}` });
  return stage;
}

/** The first open stage: where a new deal starts when no stage is given. */
export function firstStage(pipeline: Pipeline): Stage {
  return pipeline.stages.find((s) => s.kind === 'open') ?? pipeline.stages[0]!;
}

/** A won deal is certain, a lost one is not going to happen; an open one uses its override or the stage default. */
export function probabilityOf(stage: Stage, override: number | undefined): number {
  if (stage.kind === 'won') return 100;
  if (stage.kind === 'lost') return 0;
  return override ?? stage.probability;
}

export function statusOf(stage: Stage): DealStatus {
  return stage.kind;
}

/** Closing as lost needs one of the pipeline's reasons; the 400 names `lostReason`. */
export function checkLostReason(pipeline: Pipeline, stage: Stage, reason: string | undefined): string | undefined {
  if (stage.kind !== 'lost') return undefined;
  if (!reason) throw invalid({ lostReason: 'Required when a deal is closed as lost' }, 'Say why the deal was lost');
  if (!pipeline.lostReasons.some((r: LostReason) => r.id === reason))
    throw invalid({ lostReason: 'Not one of the lost reasons of this pipeline' });
  return reason;
}

export interface StagedDeal {
  stageId: string;
  status: DealStatus;
  probability: number;
  probabilityOverride?: number;
  lostReason?: string;
  closedAt?: string;
  stageHistory: StageVisit[];
}

/** The fields a deal entering its first stage gets. */
export function enterFirstStage(
  pipeline: Pipeline,
  stage: Stage,
  input: { probabilityOverride?: number; lostReason?: string },
  now: string,
): StagedDeal {
  const lostReason = checkLostReason(pipeline, stage, input.lostReason);
  const override = stage.kind === 'open' ? input.probabilityOverride : undefined;
  return {
    stageId: stage.id,
    status: statusOf(stage),
    probability: probabilityOf(stage, override),
    ...(override !== undefined ? { probabilityOverride: override } : {}),
    ...(lostReason ? { lostReason } : {}),
    ...(stage.kind !== 'open' ? { closedAt: now } : {}),
    stageHistory: [{ stageId: stage.id, enteredAt: now }],
  };
}

/**
 * Moves a deal to another stage. The override is dropped (the new stage's default applies,
 * as the rep estimated for the stage they were in); won and lost set `closedAt`; reopening
 * clears `closedAt` and `lostReason`. The stage left gets its `leftAt`.
 */
export function moveToStage<D extends StagedDeal>(
  deal: D,
  pipeline: Pipeline,
  target: Stage,
  lostReason: string | undefined,
  now: string,
): D {
  const reason = checkLostReason(pipeline, target, lostReason);
  const { probabilityOverride: _o, lostReason: _r, closedAt, ...rest } = deal;
  const history = deal.stageHistory.map((v, i, all) =>
    i === all.length - 1 && v.leftAt === undefined ? { ...v, leftAt: now } : v,
  );
  history.push({ stageId: target.id, enteredAt: now });
  return {
    ...(rest as D),
    stageId: target.id,
    status: statusOf(target),
    probability: probabilityOf(target, undefined),
    ...(reason ? { lostReason: reason } : {}),
    ...(target.kind !== 'open' ? { closedAt: deal.status === target.kind && closedAt ? closedAt : now } : {}),
    stageHistory: history.slice(-MAX_STAGE_HISTORY),
  };
}

/** The domain events of a stage change, besides deal.updated. */
export function stageEvents(target: Stage): string[] {
  const events = ['deal.stage_changed'];
  if (target.kind === 'won') events.push('deal.won');
  if (target.kind === 'lost') events.push('deal.lost');
  return events;
}

/** Milliseconds spent in each visit (an open visit counts up to `now`). */
export function timeInStages(history: readonly StageVisit[], now: string): { stageId: string; ms: number }[] {
  const end = Date.parse(now);
  return history.map((v) => ({
    stageId: v.stageId,
    ms: Math.max(0, (v.leftAt ? Date.parse(v.leftAt) : end) - Date.parse(v.enteredAt)),
  }));
}

/** Total time per stage over every visit (a deal may come back to a stage). */
export function totalTimeInStage(history: readonly StageVisit[], now: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const { stageId, ms } of timeInStages(history, now)) out.set(stageId, (out.get(stageId) ?? 0) + ms);
  return out;
}

/**
 * What the schema alone cannot check of a pipeline: unique stage and reason ids, one won stage,
 * at least one open and one lost stage, won = 100 % and lost = 0 %. One 400 naming every field.
 */
export function checkPipeline(p: { stages: readonly Stage[]; lostReasons: readonly LostReason[] }): void {
  const errors: Record<string, string> = {};
  const seen = new Set<string>();
  p.stages.forEach((s, i) => {
    if (seen.has(s.id)) errors[`stages.${i}.id`] = 'Duplicate stage id';
    seen.add(s.id);
    if (s.kind === 'won' && s.probability !== 100) errors[`stages.${i}.probability`] = 'A won stage is 100 %';
    if (s.kind === 'lost' && s.probability !== 0) errors[`stages.${i}.probability`] = 'A lost stage is 0 %';
  });
  const count = (kind: Stage['kind']) => p.stages.filter((s) => s.kind === kind).length;
  if (count('open') < 1) errors.stages = 'At least one open stage';
  else if (count('won') !== 1) errors.stages = 'Exactly one won stage';
  else if (count('lost') < 1) errors.stages = 'At least one lost stage';
  const reasons = new Set<string>();
  p.lostReasons.forEach((r, i) => {
    if (reasons.has(r.id)) errors[`lostReasons.${i}.id`] = 'Duplicate reason id';
    reasons.add(r.id);
  });
  if (Object.keys(errors).length) throw invalid(errors, 'The pipeline is not valid');
}

/** Stages removed by an edit must be empty: a deal never points at a stage that is gone. */
export function checkRemovedStagesEmpty(
  before: readonly Stage[],
  after: readonly Stage[],
  occupied: ReadonlySet<string>,
): void {
  const kept = new Set(after.map((s) => s.id));
  const blocked = before.filter((s) => !kept.has(s.id) && occupied.has(s.id)).map((s) => s.id);
  if (blocked.length) {
    throw new AppError('conflict', 'pipeline.stage_in_use', `Move the deals out of ${blocked.join(', ')} first`, {
      stages: `Stages with deals cannot be removed: ${blocked.join(', ')}`,
    });
  }
}

export interface TotalsDelta {
  stageId: string;
  currency: string;
  count: number;
  amount: number;
}

/**
 * The change a write makes to the board totals of one scope: the deal leaves its old
 * (stage, currency) cell and joins its new one. Cells that do not change are left out.
 */
export function totalsDeltas(
  before: { stageId: string; currency: string; amount: number } | undefined,
  after: { stageId: string; currency: string; amount: number } | undefined,
): TotalsDelta[] {
  const cells = new Map<string, TotalsDelta>();
  const add = (d: { stageId: string; currency: string; amount: number }, sign: 1 | -1) => {
    const key = `${d.stageId}#${d.currency}`;
    const cell = cells.get(key) ?? { stageId: d.stageId, currency: d.currency, count: 0, amount: 0 };
    cell.count += sign;
    cell.amount += sign * d.amount;
    cells.set(key, cell);
  };
  if (before) add(before, -1);
  if (after) add(after, 1);
  return [...cells.values()].filter((c) => c.count !== 0 || c.amount !== 0);
}
