import { randomUUID } from 'node:crypto';

/** A valid deal body (default pipeline, first stage), overridable per test. */
export function aDeal(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomUUID().slice(0, 8);
  return {
    name: `Rollout ${n}`,
    amount: 1_250_000,
    currency: 'CNY',
    expectedCloseDate: '2031-03-15',
    source: 'referral',
    ...overrides,
  };
}

/** A small pipeline of its own, so a test's board and totals start empty. */
export function aPipeline(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomUUID().slice(0, 8);
  return {
    name: `Renewals ${n}`,
    stages: [
      { id: 'new', label: { en: 'New', zh: '新建' }, probability: 20, kind: 'open' },
      { id: 'talks', label: { en: 'Talks', zh: '洽谈' }, probability: 60, kind: 'open' },
      { id: 'won', label: { en: 'Won', zh: '成交' }, probability: 100, kind: 'won' },
      { id: 'lost', label: { en: 'Lost', zh: '输单' }, probability: 0, kind: 'lost' },
    ],
    lostReasons: [{ id: 'price', label: { en: 'Price', zh: '价格' } }],
    ...overrides,
  };
}
