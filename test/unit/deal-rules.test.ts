import { describe, expect, it } from 'vitest';
import { closeMonthOf, dealIndexKeys } from '../../shared/db/keys.deals.js';
import { AppError } from '../../shared/domain/common/errors.js';
import {
  checkLostReason,
  checkPipeline,
  checkRemovedStagesEmpty,
  enterFirstStage,
  firstStage,
  moveToStage,
  probabilityOf,
  stageEvents,
  stageOrThrow,
  totalsDeltas,
  totalTimeInStage,
} from '../../shared/domain/deals/deal-rules.js';
import { defaultPipeline } from '../../shared/domain/deals/pipeline.schema.js';

const T0 = '2030-01-01T00:00:00.000Z';
const T1 = '2030-01-03T00:00:00.000Z';
const T2 = '2030-01-10T00:00:00.000Z';
const pipeline = defaultPipeline(T0);
const stage = (id: string) => stageOrThrow(pipeline, id);

function fieldsOf(fn: () => unknown): Record<string, string> | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.fields;
    throw error;
  }
  return undefined;
}

describe('probability', () => {
  it.each([
    ['lead', undefined, 10],
    ['negotiation', undefined, 75],
    ['quote', 35, 35],
    ['won', 35, 100],
    ['lost', 35, 0],
  ] as const)('in %s with override %s is %s', (stageId, override, expected) => {
    expect(probabilityOf(stage(stageId), override)).toBe(expected);
  });
});

describe('a deal entering its first stage', () => {
  it('starts in the first open stage with the stage default', () => {
    expect(firstStage(pipeline).id).toBe('lead');
    expect(enterFirstStage(pipeline, stage('lead'), {}, T0)).toEqual({
      stageId: 'lead',
      status: 'open',
      probability: 10,
      stageHistory: [{ stageId: 'lead', enteredAt: T0 }],
    });
  });

  it('ignores an override on a closed stage and closes it now', () => {
    expect(enterFirstStage(pipeline, stage('won'), { probabilityOverride: 20 }, T0)).toMatchObject({
      status: 'won',
      probability: 100,
      closedAt: T0,
    });
  });
});

describe('a stage change', () => {
  const open = { ...enterFirstStage(pipeline, stage('lead'), { probabilityOverride: 30 }, T0), name: 'x' };

  it('drops the override, takes the new default and closes the visit it leaves', () => {
    const moved = moveToStage(open, pipeline, stage('quote'), undefined, T1);
    expect(moved).toMatchObject({ name: 'x', stageId: 'quote', probability: 50, status: 'open' });
    expect(moved.probabilityOverride).toBeUndefined();
    expect(moved.stageHistory).toEqual([
      { stageId: 'lead', enteredAt: T0, leftAt: T1 },
      { stageId: 'quote', enteredAt: T1 },
    ]);
  });

  it('needs a reason to close as lost, naming lostReason', () => {
    expect(fieldsOf(() => moveToStage(open, pipeline, stage('lost'), undefined, T1))).toHaveProperty('lostReason');
    expect(fieldsOf(() => checkLostReason(pipeline, stage('lost'), 'weather'))).toHaveProperty('lostReason');
    expect(moveToStage(open, pipeline, stage('lost'), 'price', T1)).toMatchObject({
      status: 'lost',
      probability: 0,
      lostReason: 'price',
      closedAt: T1,
    });
  });

  it('reopening a lost deal clears its close and reason', () => {
    const lost = moveToStage(open, pipeline, stage('lost'), 'price', T1);
    const reopened = moveToStage(lost, pipeline, stage('intention'), undefined, T2);
    expect(reopened).toMatchObject({ status: 'open', probability: 25 });
    expect(reopened.closedAt).toBeUndefined();
    expect(reopened.lostReason).toBeUndefined();
  });

  it('announces the stage change, and won or lost', () => {
    expect(stageEvents(stage('quote'))).toEqual(['deal.stage_changed']);
    expect(stageEvents(stage('won'))).toEqual(['deal.stage_changed', 'deal.won']);
    expect(stageEvents(stage('lost'))).toEqual(['deal.stage_changed', 'deal.lost']);
  });
});

describe('time in stage', () => {
  it('adds every visit of a stage, the open one up to now', () => {
    const history = [
      { stageId: 'lead', enteredAt: T0, leftAt: T1 },
      { stageId: 'quote', enteredAt: T1, leftAt: T2 },
      { stageId: 'lead', enteredAt: T2 },
    ];
    const totals = totalTimeInStage(history, '2030-01-11T00:00:00.000Z');
    expect(totals.get('lead')).toBe(3 * 86_400_000);
    expect(totals.get('quote')).toBe(7 * 86_400_000);
  });
});

describe('board totals', () => {
  const d = (stageId: string, amount: number, currency = 'CNY') => ({ stageId, amount, currency });
  it('moves a deal from one cell to another', () => {
    expect(totalsDeltas(d('lead', 100), d('quote', 100))).toEqual([
      { stageId: 'lead', currency: 'CNY', count: -1, amount: -100 },
      { stageId: 'quote', currency: 'CNY', count: 1, amount: 100 },
    ]);
  });
  it('changes only the amount when a deal stays in its cell', () => {
    expect(totalsDeltas(d('lead', 100), d('lead', 250))).toEqual([
      { stageId: 'lead', currency: 'CNY', count: 0, amount: 150 },
    ]);
    expect(totalsDeltas(d('lead', 100), d('lead', 100))).toEqual([]);
  });
  it('counts a new deal and forgets a deleted one', () => {
    expect(totalsDeltas(undefined, d('lead', 5, 'USD'))).toEqual([
      { stageId: 'lead', currency: 'USD', count: 1, amount: 5 },
    ]);
    expect(totalsDeltas(d('lead', 5, 'USD'), undefined)).toEqual([
      { stageId: 'lead', currency: 'USD', count: -1, amount: -5 },
    ]);
  });
});

describe('pipelines', () => {
  it('accepts the default pipeline', () => {
    expect(() => checkPipeline(pipeline)).not.toThrow();
  });
  it('rejects duplicate stages, a won stage below 100 % and a missing lost stage', () => {
    const stages = [...pipeline.stages];
    stages[1] = { ...stages[1]!, id: 'lead' };
    stages[4] = { ...stages[4]!, probability: 90 };
    expect(fieldsOf(() => checkPipeline({ ...pipeline, stages }))).toMatchObject({
      'stages.1.id': expect.any(String),
      'stages.4.probability': expect.any(String),
    });
    const noLost = pipeline.stages.filter((s) => s.kind !== 'lost');
    expect(fieldsOf(() => checkPipeline({ ...pipeline, stages: noLost }))).toHaveProperty('stages');
  });
  it('keeps a stage that holds deals', () => {
    const without = pipeline.stages.filter((s) => s.id !== 'quote');
    expect(() => checkRemovedStagesEmpty(pipeline.stages, without, new Set(['quote']))).toThrow(/quote/);
    expect(() => checkRemovedStagesEmpty(pipeline.stages, without, new Set(['lead']))).not.toThrow();
  });
});

describe('deal keys', () => {
  const deal = {
    id: 'd1',
    name: 'x',
    ownerId: 'u1',
    teamId: 't1',
    pipelineId: 'default',
    stageId: 'quote',
    status: 'open' as const,
    expectedCloseDate: '2030-03-15',
    updatedAt: T0,
  };
  it('counts an open deal in its expected month and a closed one in its close month', () => {
    expect(closeMonthOf(deal)).toBe('2030-03');
    expect(closeMonthOf({ ...deal, status: 'won', closedAt: '2030-01-20T10:00:00.000Z' })).toBe('2030-01');
  });
  it('puts every index partition under the DEAL prefix', () => {
    const k = dealIndexKeys(deal);
    const partitions = Object.entries(k).filter(([name]) => name.endsWith('pk'));
    expect(partitions).toHaveLength(9);
    for (const [, value] of partitions) expect(value.startsWith('DEAL#')).toBe(true);
    expect(k.gsi5pk).toBe('DEAL#OWNER#u1#STAGE#default#quote');
    expect(k.gsi7pk).toBe('DEAL#TEAM#t1#CLOSE#2030-03');
    expect(k.gsi3sk).toBe('open#2030-03-15#d1');
  });
});
