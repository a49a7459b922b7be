import { describe, expect, it } from 'vitest';
import {
  attainment,
  type ForecastDeal,
  figuresByMonth,
  figuresOf,
  forecastRows,
  isCommitted,
  salesCycleDays,
  topReps,
  totalsByCurrency,
  winRateTrend,
} from '../../shared/domain/forecast/forecast.js';

let n = 0;
function aDeal(over: Partial<ForecastDeal> = {}): ForecastDeal {
  n += 1;
  return {
    id: `d${n}`,
    ownerId: 'rep-a',
    teamId: 'team-east',
    status: 'open',
    amount: 10_000,
    currency: 'USD',
    probability: 50,
    createdAt: '2026-10-01T00:00:00.000Z',
    month: '2026-11',
    ...over,
  };
}

describe('forecast figures', () => {
  it('weighs open deals by probability and rounds once, at the end', () => {
    // 3 × 1 cent at 50 %: rounding each would give 3 (or 0); the exact sum is 1.5 → 2.
    const deals = [1, 2, 3].map(() => aDeal({ amount: 1, probability: 50 }));
    expect(figuresOf(deals, 'USD', null).weighted).toBe(2);
  });

  it('sums the weighted pipeline exactly for larger amounts', () => {
    const deals = [aDeal({ amount: 12_345, probability: 10 }), aDeal({ amount: 99_999, probability: 75 })];
    // 1234.5 + 74999.25 = 76233.75 → 76234
    expect(figuresOf(deals, 'USD', null).weighted).toBe(76_234);
  });

  it('counts committed open deals (≥ 75 %) plus won in commit, and every open deal plus won in best case', () => {
    const deals = [
      aDeal({ amount: 1_000, probability: 75 }),
      aDeal({ amount: 2_000, probability: 74 }),
      aDeal({ amount: 4_000, status: 'won', probability: 100, closedAt: '2026-11-03T00:00:00.000Z' }),
      aDeal({ amount: 8_000, status: 'lost', probability: 0, closedAt: '2026-11-04T00:00:00.000Z' }),
    ];
    const f = figuresOf(deals, 'USD', null);
    expect(f.pipeline).toBe(3_000);
    expect(f.commit).toBe(5_000);
    expect(f.bestCase).toBe(7_000);
    expect(f.wonAmount).toBe(4_000);
    expect(f.lostAmount).toBe(8_000);
  });

  it('lets a deal-level forecast category decide commit over probability', () => {
    expect(isCommitted({ probability: 90, forecastCategory: 'best_case' })).toBe(false);
    expect(isCommitted({ probability: 10, forecastCategory: 'commit' })).toBe(true);
    expect(isCommitted({ probability: 75 })).toBe(true);
  });

  it('has no attainment without a quota, or with a zero quota', () => {
    expect(attainment(5_000, null)).toBeNull();
    expect(attainment(5_000, 0)).toBeNull();
    expect(attainment(5_000, 10_000)).toBe(0.5);
    expect(attainment(0, 10_000)).toBe(0);
  });

  it('has no win rate, deal size or sales cycle when nothing closed', () => {
    const f = figuresOf([aDeal()], 'USD', 100);
    expect(f.winRateCount).toBeNull();
    expect(f.winRateAmount).toBeNull();
    expect(f.averageDealSize).toBeNull();
    expect(f.averageSalesCycleDays).toBeNull();
    expect(f.attainment).toBe(0);
  });

  it('computes win rate by count and by amount over the deals closed', () => {
    const deals = [
      aDeal({ status: 'won', amount: 3_000, closedAt: '2026-11-10T00:00:00.000Z' }),
      aDeal({ status: 'lost', amount: 1_000, closedAt: '2026-11-11T00:00:00.000Z' }),
      aDeal({ status: 'lost', amount: 1_000, closedAt: '2026-11-12T00:00:00.000Z' }),
      aDeal({ status: 'lost', amount: 1_000, closedAt: '2026-11-13T00:00:00.000Z' }),
    ];
    const f = figuresOf(deals, 'USD', null);
    expect(f.winRateCount).toBe(0.25);
    expect(f.winRateAmount).toBe(0.5);
  });

  it('averages the deal size over won deals, rounded to a minor unit', () => {
    const deals = [
      aDeal({ status: 'won', amount: 100, closedAt: '2026-11-10T00:00:00.000Z' }),
      aDeal({ status: 'won', amount: 101, closedAt: '2026-11-10T00:00:00.000Z' }),
    ];
    expect(figuresOf(deals, 'USD', null).averageDealSize).toBe(101); // 100.5 → 101
  });

  it('averages the sales cycle in days from creation to close of won deals', () => {
    const deals = [
      aDeal({ status: 'won', createdAt: '2026-11-01T00:00:00.000Z', closedAt: '2026-11-11T00:00:00.000Z' }),
      aDeal({ status: 'won', createdAt: '2026-11-01T00:00:00.000Z', closedAt: '2026-11-04T12:00:00.000Z' }),
      aDeal({ status: 'lost', createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-11-04T12:00:00.000Z' }),
    ];
    expect(figuresOf(deals, 'USD', null).averageSalesCycleDays).toBe(6.8); // (10 + 3.5) / 2 = 6.75
    expect(salesCycleDays({ createdAt: '2026-11-01T00:00:00.000Z' })).toBeNull();
  });

  it('never adds different currencies together', () => {
    const deals = [aDeal({ currency: 'USD', amount: 100 }), aDeal({ currency: 'CNY', amount: 700 })];
    const totals = totalsByCurrency(deals, [{ userId: 'rep-a', month: '2026-11', amount: 1_000, currency: 'CNY' }]);
    expect(totals.map((t) => [t.currency, t.pipeline, t.quota])).toEqual([
      ['CNY', 700, 1_000],
      ['USD', 100, null],
    ]);
  });
});

describe('forecast rows', () => {
  const deals = [
    aDeal({ ownerId: 'rep-a', teamId: 'east', amount: 1_000 }),
    aDeal({ ownerId: 'rep-b', teamId: 'east', amount: 2_000, status: 'won', closedAt: '2026-11-02T00:00:00.000Z' }),
    aDeal({ ownerId: 'rep-c', amount: 4_000 }),
  ].map((d) => (d.ownerId === 'rep-c' ? { ...d, teamId: undefined } : d));
  const quotas = [
    { userId: 'rep-b', month: '2026-11', amount: 4_000, currency: 'USD' },
    { userId: 'rep-d', month: '2026-11', amount: 1_000, currency: 'USD' },
  ];

  it('groups by owner, listing a rep with a quota and no deal', () => {
    const rows = forecastRows(deals, quotas, 'owner');
    expect(rows.map((r) => [r.key, r.pipeline, r.wonAmount, r.quota, r.attainment])).toEqual([
      ['rep-a', 1_000, 0, null, null],
      ['rep-b', 0, 2_000, 4_000, 0.5],
      ['rep-c', 4_000, 0, null, null],
      ['rep-d', 0, 0, 1_000, 0],
    ]);
  });

  it('groups by team, with quotas in their rep’s team and deals of no team apart', () => {
    const team = (u: string) => (u === 'rep-b' || u === 'rep-d' ? 'east' : undefined);
    const rows = forecastRows(deals, quotas, 'team', team);
    expect(rows.map((r) => [r.key, r.bestCase, r.quota])).toEqual([
      ['east', 3_000, 5_000],
      ['none', 4_000, null],
    ]);
  });

  it('sums a quarter’s monthly quotas and splits the figures by month', () => {
    const q = [
      { userId: 'rep-a', month: '2026-10', amount: 100, currency: 'USD' },
      { userId: 'rep-a', month: '2026-11', amount: 200, currency: 'USD' },
    ];
    expect(forecastRows([], q, 'company')[0]!.quota).toBe(300);
    const byMonth = figuresByMonth(['2026-10', '2026-11', '2026-12'], [aDeal({ amount: 1_000, probability: 10 })], q);
    expect(byMonth.map((m) => [m.month, m.weighted, m.quota])).toEqual([
      ['2026-10', 0, 100],
      ['2026-11', 100, 200],
    ]);
  });
});

describe('dashboard series', () => {
  it('gives a win-rate trend point for every month, null when nothing closed', () => {
    const closed = [
      aDeal({ status: 'won', month: '2026-09' }),
      aDeal({ status: 'lost', month: '2026-09' }),
      aDeal({ status: 'won', month: '2026-11' }),
    ];
    expect(winRateTrend(['2026-09', '2026-10', '2026-11'], closed)).toEqual([
      { month: '2026-09', wonCount: 1, lostCount: 1, winRate: 0.5 },
      { month: '2026-10', wonCount: 0, lostCount: 0, winRate: null },
      { month: '2026-11', wonCount: 1, lostCount: 0, winRate: 1 },
    ]);
  });

  it('ranks reps by won amount and ignores open deals', () => {
    const deals = [
      aDeal({ ownerId: 'a', status: 'won', amount: 100 }),
      aDeal({ ownerId: 'b', status: 'won', amount: 300 }),
      aDeal({ ownerId: 'a', status: 'won', amount: 250 }),
      aDeal({ ownerId: 'c', status: 'open', amount: 10_000 }),
    ];
    expect(topReps(deals, 2)).toEqual([
      { ownerId: 'a', currency: 'USD', wonAmount: 350, wonCount: 2 },
      { ownerId: 'b', currency: 'USD', wonAmount: 300, wonCount: 1 },
    ]);
  });
});
