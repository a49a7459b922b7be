import { describe, expect, it } from 'vitest';
import { defaultPipeline } from '../../shared/domain/deals/pipeline.schema.js';
import { daysBetween, openDealsByStage } from '../../shared/domain/work/home.js';

describe('home: my open deals by stage', () => {
  const stages = defaultPipeline('2026-01-01T00:00:00.000Z').stages;

  it('lists every open stage in pipeline order, an empty one as zero', () => {
    const rows = openDealsByStage(
      stages,
      new Map([['quote', { count: 2, amounts: [{ currency: 'CNY', amount: 5 }] }]]),
    );
    expect(rows.map((r) => [r.stageId, r.count])).toEqual([
      ['lead', 0],
      ['intention', 0],
      ['quote', 2],
      ['negotiation', 0],
    ]);
    expect(rows[2]).toEqual({
      stageId: 'quote',
      label: { en: 'Quote', zh: '报价' },
      count: 2,
      amounts: [{ currency: 'CNY', amount: 5 }],
    });
  });

  it('leaves out won and lost totals and stages the pipeline no longer has', () => {
    const totals = new Map([
      ['won', { count: 4, amounts: [{ currency: 'CNY', amount: 40 }] }],
      ['lost', { count: 1, amounts: [{ currency: 'CNY', amount: 10 }] }],
      ['retired', { count: 3, amounts: [{ currency: 'CNY', amount: 30 }] }],
    ]);
    const rows = openDealsByStage(stages, totals);
    expect(rows.map((r) => r.stageId)).toEqual(['lead', 'intention', 'quote', 'negotiation']);
    expect(rows.every((r) => r.count === 0 && r.amounts.length === 0)).toBe(true);
  });

  it('drops a currency whose amount nets to zero (deals with no amount still count)', () => {
    const rows = openDealsByStage(
      stages,
      new Map([
        [
          'lead',
          {
            count: 3,
            amounts: [
              { currency: 'CNY', amount: 0 },
              { currency: 'USD', amount: 700 },
            ],
          },
        ],
      ]),
    );
    expect(rows[0]).toMatchObject({ count: 3, amounts: [{ currency: 'USD', amount: 700 }] });
  });
});

describe('home: days left to an end date', () => {
  it.each([
    ['2026-03-01', '2026-03-01', 0],
    ['2026-02-27', '2026-03-02', 3],
    ['2026-12-31', '2027-01-30', 30],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-03-05', '2026-03-01', -4],
  ])('from %s to %s is %i days', (today, date, days) => {
    expect(daysBetween(today, date)).toBe(days);
  });
});
