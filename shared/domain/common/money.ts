/**
 * Money, one module for the Lambdas and the console alike (so it imports nothing, zod included).
 *
 * Every amount the system stores or sends is an integer of the currency's ISO 4217 minor unit:
 * fen for CNY, cents for USD, yen for JPY (no minor unit), fils for KWD (thousandths). People
 * type and read major units. The conversions here are exact: a major amount is read as a decimal
 * string and rounded once, half up (away from zero for a negative amount), never multiplied as a
 * float; a minor amount becomes a decimal string by moving the point, and Intl formats that
 * string as it is.
 *
 * The digits come from the ISO 4217 table below, not from Intl: ICU's currency data (CLDR) gives
 * the digits it prefers to *show*, which differ from ISO for some currencies (IDR, HUF, COP: 0
 * instead of 2; IQD: 0 instead of 3) and may differ between a Node and a browser build.
 */

/** ISO 4217 currencies whose minor unit is not hundredths; every other code has 2 digits. */
const MINOR_DIGITS: Readonly<Record<string, number>> = {
  // No minor unit.
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  UYI: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  // Thousandths.
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
  // Ten-thousandths (units of account).
  CLF: 4,
  UYW: 4,
};
const DEFAULT_DIGITS = 2;

/** The currencies the console offers in its pickers (the API takes any ISO 4217 code). */
export const CURRENCIES = ['CNY', 'USD', 'EUR', 'GBP', 'JPY', 'HKD', 'SGD'] as const;

/** Digits of a currency's minor unit: 0 for JPY and KRW, 2 for CNY and USD, 3 for KWD; 2 for a code ISO does not list. */
export function minorDigits(currency: string): number {
  return MINOR_DIGITS[currency.toUpperCase()] ?? DEFAULT_DIGITS;
}

/** Minor units as an exact decimal string of major units: 123456 USD → "1234.56", JPY → "123456", KWD → "123.456". */
export function toMajorString(minor: number, currency: string): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`An amount in minor units must be a safe integer: ${minor}`);
  const digits = minorDigits(currency);
  const s = Math.abs(minor)
    .toString()
    .padStart(digits + 1, '0');
  const sign = minor < 0 ? '-' : '';
  return digits ? `${sign}${s.slice(0, -digits)}.${s.slice(-digits)}` : `${sign}${s}`;
}

/** Minor units as a number of major units, for inputs and chart axes (nearest double of the exact decimal). */
export function toMajor(minor: number, currency: string): number {
  return Number(toMajorString(minor, currency));
}

/** A decimal as written, optionally in exponent form (how JavaScript writes 1e21 or 1e-7). */
const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A decimal string of major units ("1234.5", "-0.005", "12") to minor units, rounded once, half up:
 * `parseMajor('1234.565', 'USD')` → 123457. Throws a RangeError for anything that is not a decimal.
 */
export function parseMajor(text: string, currency: string): number {
  const match = DECIMAL.exec(text.trim());
  const [, sign, whole = '', fraction = '', exponent = '0'] = match ?? [];
  if (!match || (whole === '' && fraction === '')) throw new RangeError(`Not a decimal amount: "${text}"`);
  // Move the point by the exponent and the minor digits: left of it is the integer of minor
  // units, the first digit right of it decides the rounding. Without leading zeros, `point` also
  // bounds the size before a digit is built (so "1e999999" is refused, not padded).
  const all = whole + fraction;
  const zeros = all.length - all.replace(/^0+/, '').length;
  const digits = all.slice(zeros);
  const point = whole.length - zeros + Number(exponent) + minorDigits(currency);
  if (digits === '') return 0;
  if (point > 16) throw new RangeError(`Amount out of range: "${text}"`);
  const integer = point <= 0 ? '0' : digits.slice(0, point).padEnd(point, '0');
  const next = point < 0 ? 0 : Number(digits[point] ?? '0');
  const magnitude = BigInt(integer) + (next >= 5 ? 1n : 0n);
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`Amount out of range: "${text}"`);
  const minor = Number(magnitude);
  return sign === '-' && minor !== 0 ? -minor : minor;
}

/**
 * A major-unit number as typed into an input (12.5) to minor units (1250 USD, 13 JPY): the
 * number's shortest decimal form (what it shows as, "1.005", not 1.00499999…) rounded once, half up.
 */
export function toMinor(major: number, currency: string): number {
  if (!Number.isFinite(major)) throw new RangeError(`Not a finite amount: ${major}`);
  return parseMajor(String(major), currency);
}

export interface MoneyFormat {
  /** Leave out a zero fraction, for cards and boards: "$8,800", but "$8,800.50". */
  trimZeros?: boolean;
  /** Compact notation with at most one decimal, for chart axes: "$1.2M", "¥123.5万". */
  compact?: boolean;
}

const formatters = new Map<string, Intl.NumberFormat>();

function formatterOf(locale: string, currency: string, options: MoneyFormat): Intl.NumberFormat {
  const key = `${locale}|${currency}|${options.trimZeros ? 't' : ''}${options.compact ? 'c' : ''}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    const digits = minorDigits(currency);
    formatter = new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      ...(options.compact
        ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
        : { minimumFractionDigits: digits, maximumFractionDigits: digits }),
      ...(options.trimZeros ? { trailingZeroDisplay: 'stripIfInteger' } : {}),
    });
    formatters.set(key, formatter);
  }
  return formatter;
}

/**
 * Minor units for people, in the currency's own digits: `formatMoney(150000, 'JPY', 'en')` →
 * "¥150,000", `formatMoney(150000, 'CNY', 'zh-CN')` → "¥1,500.00", `(…, 'CNY', 'en')` → "CN¥1,500.00".
 * A locale or code Intl refuses falls back to "1500.00 CNY".
 */
export function formatMoney(minor: number, currency: string, locale = 'en', options: MoneyFormat = {}): string {
  const major = toMajorString(minor, currency);
  let formatter: Intl.NumberFormat;
  try {
    formatter = formatterOf(locale, currency, options);
  } catch {
    return `${major} ${currency}`;
  }
  // The decimal string, not a double: Intl formats it digit for digit.
  return formatter.format(major as Intl.StringNumericLiteral);
}
