import { describe, expect, it } from 'vitest';
import { formatMoney } from '../../shared/domain/common/money.js';
import {
  canTransition,
  checkTransition,
  QUOTE_STATUSES,
  quoteNumber,
} from '../../shared/domain/quotes/quote.schema.js';
import { allocate, computeQuote, divRoundHalfUp, formatQuantity } from '../../shared/domain/quotes/quote-math.js';

const line = (overrides: Partial<Parameters<typeof computeQuote>[0][number]> = {}) => ({
  quantityMilli: 1000,
  unitPrice: 100,
  taxRate: 0,
  ...overrides,
});

describe('quote arithmetic', () => {
  it.each([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [7n, 2n, 4n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
    [0n, 7n, 0n],
  ])('rounds %i / %i half up to %i', (n, d, expected) => {
    expect(divRoundHalfUp(n, d)).toBe(expected);
  });

  it('prices a line as quantity × unit price, rounding a fractional quantity half up per line', () => {
    // 1.5 × 0.33 = 0.495 → 0.50; 0.333 × 0.01 → 0.00
    const { lines } = computeQuote([
      line({ quantityMilli: 1500, unitPrice: 33 }),
      line({ quantityMilli: 333, unitPrice: 1 }),
    ]);
    expect(lines.map((l) => l.gross)).toEqual([50, 0]);
  });

  it('applies a percentage line discount (half up) and caps an amount discount at the line', () => {
    const { lines } = computeQuote([
      line({ unitPrice: 999, discount: { type: 'percent', basisPoints: 5000 } }),
      line({ unitPrice: 500, discount: { type: 'amount', amount: 800 } }),
    ]);
    expect(lines.map((l) => [l.discount, l.net])).toEqual([
      [500, 499],
      [500, 0],
    ]);
  });

  it('spreads a quote discount over the lines in proportion, the shares adding up exactly', () => {
    const { lines, totals } = computeQuote(
      [line({ unitPrice: 100 }), line({ unitPrice: 100 }), line({ unitPrice: 100 })],
      { type: 'amount', amount: 100 },
    );
    expect(lines.map((l) => l.quoteDiscount)).toEqual([34, 33, 33]);
    expect(totals.quoteDiscount).toBe(100);
    expect(totals.total).toBe(200);
  });

  it('taxes each line on its net after both discounts, at its own rate', () => {
    const { lines, totals } = computeQuote(
      [line({ unitPrice: 10000, taxRate: 1300 }), line({ unitPrice: 10000, taxRate: 600 })],
      { type: 'percent', basisPoints: 1000 },
    );
    expect(lines.map((l) => l.taxable)).toEqual([9000, 9000]);
    expect(lines.map((l) => l.tax)).toEqual([1170, 540]);
    expect(totals).toEqual({
      subtotal: 20000,
      discount: 2000,
      lineDiscount: 0,
      quoteDiscount: 2000,
      tax: 1710,
      total: 19710,
    });
  });

  it('keeps subtotal − discount + tax = total over many mixed lines', () => {
    const lines = Array.from({ length: 50 }, (_, i) =>
      line({
        quantityMilli: 1000 + i * 137,
        unitPrice: 1999 + i * 7,
        taxRate: [0, 600, 900, 1300][i % 4]!,
        discount: i % 3 === 0 ? { type: 'percent', basisPoints: 250 * (i % 5) } : null,
      }),
    );
    const { lines: out, totals } = computeQuote(lines, { type: 'percent', basisPoints: 333 });
    expect(totals.total).toBe(totals.subtotal - totals.discount + totals.tax);
    expect(out.reduce((a, l) => a + l.total, 0)).toBe(totals.total);
    expect(out.reduce((a, l) => a + l.quoteDiscount, 0)).toBe(totals.quoteDiscount);
  });

  it('answers zero for an empty quote and for zero prices', () => {
    expect(computeQuote([]).totals.total).toBe(0);
    expect(computeQuote([line({ unitPrice: 0, taxRate: 1300 })], { type: 'amount', amount: 500 }).totals).toMatchObject(
      {
        total: 0,
        quoteDiscount: 0,
      },
    );
  });

  it('stays exact for large values beyond 2^53 in intermediate products', () => {
    // 1,000,000 units × 100,000,000,000 minor units: the product is 10^23 before dividing by 1000.
    const { totals } = computeQuote([line({ quantityMilli: 1_000_000_000, unitPrice: 1_000_000 })]);
    expect(totals.subtotal).toBe(1_000_000_000_000);
  });

  it('computes in minor units whatever the currency: yen have none, dollars two digits', () => {
    const jpy = computeQuote([line({ quantityMilli: 1500, unitPrice: 1001, taxRate: 1000 })]);
    expect(jpy.totals).toMatchObject({ subtotal: 1502, tax: 150, total: 1652 });
    expect(formatMoney(jpy.totals.total, 'JPY', 'en')).toBe('¥1,652');
    const usd = computeQuote([line({ quantityMilli: 1500, unitPrice: 1001, taxRate: 1000 })]);
    expect(formatMoney(usd.totals.total, 'USD', 'en')).toBe('$16.52');
  });

  it('shows thousandths of a unit as a short decimal', () => {
    expect([1500, 2000, 1, 1234567].map(formatQuantity)).toEqual(['1.5', '2', '0.001', '1234.567']);
  });

  it('allocates nothing over zero weights', () => {
    expect(allocate(10n, [0n, 0n])).toEqual([0n, 0n]);
  });
});

describe('quote status', () => {
  const allowed = new Set(['draft>sent', 'sent>accepted', 'sent>rejected']);
  const pairs = QUOTE_STATUSES.flatMap((from) => QUOTE_STATUSES.map((to) => [from, to] as const));

  it.each(pairs)('decides whether %s may become %s', (from, to) => {
    expect(canTransition(from, to)).toBe(allowed.has(`${from}>${to}`));
  });

  it('refuses an accepted quote going back to draft with a 409 naming the allowed moves', () => {
    expect(() => checkTransition('accepted', 'draft')).toThrowError(
      expect.objectContaining({ kind: 'conflict', code: 'quote.invalid_transition' }),
    );
  });

  it('numbers quotes per year with four digits at least', () => {
    expect(quoteNumber(2026, 1)).toBe('Q-2026-0001');
    expect(quoteNumber(2026, 12345)).toBe('Q-2026-12345');
  });
});
