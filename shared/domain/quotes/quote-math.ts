/**
 * Quote arithmetic: pure, integer-only, shared by the server (which stores the result) and the
 * console (which shows live totals while a quote is edited), so both always agree.
 *
 * Units: money is integer minor units of the quote's currency (cents for USD, yen for JPY; see
 * common/money.ts for conversions and formatting); quantities are integer thousandths (1.5 units
 * = 1500); rates are basis points (12.5 % = 1250).
 * Products of these exceed 2^53, so every step runs on BigInt and only results come back as
 * numbers (bounded by the schema limits, far below Number.MAX_SAFE_INTEGER).
 *
 * Rounding rule: every division rounds half up (all amounts are non-negative), once per line
 * and per step, in this order:
 *   1. line gross     = round(quantity × unit price / 1000)
 *   2. line discount  = round(gross × percent / 10000), or the fixed amount (capped at gross)
 *   3. line net       = gross − line discount
 *   4. quote discount = round(Σ net × percent / 10000), or the fixed amount (capped at Σ net);
 *      it is spread over the lines in proportion to their net (largest remainder, so the
 *      shares add up to the quote discount exactly; ties go to the earlier line)
 *   5. line taxable   = net − its share of the quote discount
 *   6. line tax       = round(taxable × tax rate / 10000)
 * Totals: subtotal = Σ gross; discount = Σ line discounts + quote discount; tax = Σ line tax;
 * total = subtotal − discount + tax.
 */

/** A discount: a percentage in basis points, or a fixed amount in minor units. */
export type Discount = { type: 'percent'; basisPoints: number } | { type: 'amount'; amount: number };

export interface LineInput {
  /** Integer thousandths of a unit. */
  quantityMilli: number;
  /** Minor units per whole unit. */
  unitPrice: number;
  discount?: Discount | null;
  /** Basis points. */
  taxRate: number;
}

export interface LineAmounts {
  gross: number;
  discount: number;
  net: number;
  /** This line's share of the quote-level discount. */
  quoteDiscount: number;
  taxable: number;
  tax: number;
  total: number;
}

export interface QuoteTotals {
  subtotal: number;
  /** Line discounts plus the quote-level discount. */
  discount: number;
  lineDiscount: number;
  quoteDiscount: number;
  tax: number;
  total: number;
}

export interface QuoteAmounts {
  lines: LineAmounts[];
  totals: QuoteTotals;
}

const QTY_SCALE = 1000n;
const BP_SCALE = 10000n;

/** round(numerator / denominator), half up, for numerator ≥ 0 and denominator > 0. */
export function divRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

function toNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount exceeds the safe integer range');
  return Number(value);
}

const min = (a: bigint, b: bigint) => (a < b ? a : b);

function discountOf(base: bigint, discount: Discount | null | undefined): bigint {
  if (!discount) return 0n;
  if (discount.type === 'percent') return divRoundHalfUp(base * BigInt(discount.basisPoints), BP_SCALE);
  return min(BigInt(discount.amount), base);
}

/**
 * Splits `amount` over `weights` in proportion, in integers that add up to `amount` exactly:
 * floor shares first, then one unit each to the largest remainders (earlier line on a tie).
 */
export function allocate(amount: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((a, b) => a + b, 0n);
  if (sum === 0n || amount === 0n) return weights.map(() => 0n);
  const shares = weights.map((w) => (amount * w) / sum);
  const remainders = weights.map((w, index) => ({ index, rest: (amount * w) % sum }));
  let left = amount - shares.reduce((a, b) => a + b, 0n);
  remainders.sort((a, b) => (a.rest === b.rest ? a.index - b.index : a.rest > b.rest ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    shares[index]! += 1n;
    left -= 1n;
  }
  return shares;
}

/** The amounts of every line and the quote's totals (see the rounding rule above). */
export function computeQuote(lines: readonly LineInput[], quoteDiscount?: Discount | null): QuoteAmounts {
  const gross = lines.map((l) => divRoundHalfUp(BigInt(l.quantityMilli) * BigInt(l.unitPrice), QTY_SCALE));
  const lineDiscounts = lines.map((l, i) => discountOf(gross[i]!, l.discount));
  const net = gross.map((g, i) => g - lineDiscounts[i]!);
  const netSum = net.reduce((a, b) => a + b, 0n);
  const quoteOff = discountOf(netSum, quoteDiscount);
  const shares = allocate(quoteOff, net);
  const out: LineAmounts[] = lines.map((l, i) => {
    const taxable = net[i]! - shares[i]!;
    const tax = divRoundHalfUp(taxable * BigInt(l.taxRate), BP_SCALE);
    return {
      gross: toNumber(gross[i]!),
      discount: toNumber(lineDiscounts[i]!),
      net: toNumber(net[i]!),
      quoteDiscount: toNumber(shares[i]!),
      taxable: toNumber(taxable),
      tax: toNumber(tax),
      total: toNumber(taxable + tax),
    };
  });
  const sum = (pick: (l: LineAmounts) => number) => out.reduce((a, l) => a + BigInt(pick(l)), 0n);
  const subtotal = sum((l) => l.gross);
  const lineDiscount = sum((l) => l.discount);
  const tax = sum((l) => l.tax);
  const discount = lineDiscount + quoteOff;
  return {
    lines: out,
    totals: {
      subtotal: toNumber(subtotal),
      discount: toNumber(discount),
      lineDiscount: toNumber(lineDiscount),
      quoteDiscount: toNumber(quoteOff),
      tax: toNumber(tax),
      total: toNumber(subtotal - discount + tax),
    },
  };
}

/** Thousandths of a unit for people: 1500 → "1.5", 2000 → "2". */
export function formatQuantity(quantityMilli: number): string {
  const whole = Math.trunc(quantityMilli / 1000);
  const frac = Math.abs(quantityMilli % 1000)
    .toString()
    .padStart(3, '0')
    .replace(/0+$/, '');
  return frac ? `${whole}.${frac}` : String(whole);
}

/** Basis points for people: 1250 → "12.5%". */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toString()}%`;
}
