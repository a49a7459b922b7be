import { describe, expect, it } from 'vitest';
import {
  formatMoney,
  minorDigits,
  parseMajor,
  toMajor,
  toMajorString,
  toMinor,
} from '../../shared/domain/common/money.js';

/** Intl separates a currency code from the number with a no-break space; the tests write a plain one. */
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('minor units per currency (ISO 4217)', () => {
  it.each([
    ['JPY', 0],
    ['KRW', 0],
    ['CNY', 2],
    ['USD', 2],
    ['EUR', 2],
    ['GBP', 2],
    ['KWD', 3],
    ['BHD', 3],
    ['OMR', 3],
    ['JOD', 3],
    ['TND', 3],
    // ICU shows these with other digits than ISO 4217 gives them; the table wins.
    ['IDR', 2],
    ['HUF', 2],
    ['IQD', 3],
    ['CLF', 4],
    ['XYZ', 2],
    ['jpy', 0],
  ])('gives %s %i digits', (currency, digits) => {
    expect(minorDigits(currency)).toBe(digits);
  });
});

describe('minor to major units', () => {
  it.each([
    [150000, 'JPY', '150000'],
    [150000, 'KRW', '150000'],
    [15000000, 'CNY', '150000.00'],
    [123456, 'USD', '1234.56'],
    [5, 'EUR', '0.05'],
    [0, 'USD', '0.00'],
    [-150, 'USD', '-1.50'],
    [123456, 'KWD', '123.456'],
    [7, 'BHD', '0.007'],
    [123456, 'XYZ', '1234.56'],
  ])('writes %i %s as "%s"', (minor, currency, major) => {
    expect(toMajorString(minor, currency)).toBe(major);
  });

  it('refuses an amount that is not a whole number of minor units', () => {
    expect(() => toMajorString(1.5, 'USD')).toThrow(RangeError);
    expect(() => toMajorString(Number.MAX_SAFE_INTEGER + 1, 'USD')).toThrow(RangeError);
  });
});

describe('major to minor units', () => {
  it.each([
    ['150000', 'JPY', 150000],
    ['150000', 'KRW', 150000],
    ['150000', 'CNY', 15000000],
    ['1234.56', 'USD', 123456],
    ['.5', 'EUR', 50],
    ['12', 'KWD', 12000],
    ['1.234', 'BHD', 1234],
    ['0.07', 'XYZ', 7],
    ['+3', 'USD', 300],
    [' 42.10 ', 'USD', 4210],
    ['1.5e3', 'USD', 150000],
    ['5e-3', 'USD', 1],
  ])('reads "%s" %s as %i', (major, currency, minor) => {
    expect(parseMajor(major, currency)).toBe(minor);
  });

  it.each([
    ['0.005', 'USD', 1],
    ['0.004', 'USD', 0],
    ['1234.565', 'USD', 123457],
    // One rounding only: 1.0049 is below the half cent, though 1.005 (rounded first to 3 digits) is not.
    ['1.0049', 'USD', 100],
    ['1.00499999999', 'USD', 100],
    ['12.5', 'JPY', 13],
    ['12.49', 'JPY', 12],
    ['150000.5', 'KRW', 150001],
    ['1.2345', 'KWD', 1235],
    ['1.2344', 'BHD', 1234],
    ['-1.005', 'USD', -101],
    ['-0.004', 'USD', 0],
  ])('rounds "%s" %s half up once, to %i', (major, currency, minor) => {
    expect(parseMajor(major, currency)).toBe(minor);
    expect(Object.is(parseMajor(major, currency), -0)).toBe(false);
  });

  it.each(['', '.', 'e5', '1,000', '12 000', 'abc', '1.2.3', '0x10', 'NaN'])('refuses "%s"', (text) => {
    expect(() => parseMajor(text, 'USD')).toThrow(RangeError);
  });

  it('refuses an amount beyond the safe integer range instead of losing digits', () => {
    expect(() => parseMajor('90071992547409.92', 'USD')).toThrow(RangeError);
    expect(() => parseMajor('1e999999', 'USD')).toThrow(RangeError);
    expect(parseMajor('90071992547409.91', 'USD')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('reads a typed number as it shows, without floating error', () => {
    expect(toMinor(1.005, 'USD')).toBe(101);
    expect(toMinor(0.1 + 0.2, 'USD')).toBe(30);
    expect(toMinor(19.99, 'EUR')).toBe(1999);
    expect(toMinor(150000, 'JPY')).toBe(150000);
    expect(toMinor(150000, 'CNY')).toBe(15000000);
    expect(toMinor(12.5, 'JPY')).toBe(13);
    expect(toMinor(1e-7, 'USD')).toBe(0);
    expect(toMinor(0.0005, 'KWD')).toBe(1);
    expect(() => toMinor(Number.NaN, 'USD')).toThrow(RangeError);
    expect(() => toMinor(Number.POSITIVE_INFINITY, 'USD')).toThrow(RangeError);
  });
});

describe('round trips', () => {
  const currencies = ['JPY', 'KRW', 'CNY', 'USD', 'EUR', 'KWD', 'BHD', 'XYZ'];
  const amounts = [0, 1, 5, 99, 100, 101, 150000, 15000000, 123456789, 10_000_000_000_000, Number.MAX_SAFE_INTEGER];

  it.each(currencies)('gives back every %s amount through the decimal string and through the number', (currency) => {
    for (const minor of amounts) {
      expect(parseMajor(toMajorString(minor, currency), currency)).toBe(minor);
      expect(parseMajor(toMajorString(-minor, currency), currency)).toBe(minor === 0 ? 0 : -minor);
      // A double holds up to 15 significant digits exactly; the schemas allow 10^13 minor units.
      if (minor <= 10_000_000_000_000) expect(toMinor(toMajor(minor, currency), currency)).toBe(minor);
    }
  });

  it('gives back every cent of a dollar typed as a number', () => {
    for (let cents = 0; cents < 10_000; cents++) expect(toMinor(toMajor(cents, 'USD'), 'USD')).toBe(cents);
  });
});

describe('formatting for people', () => {
  it.each([
    [150000, 'JPY', '¥150,000', 'JP¥150,000'],
    [150000, 'KRW', '₩150,000', '₩150,000'],
    [15000000, 'CNY', 'CN¥150,000.00', '¥150,000.00'],
    [123456, 'USD', '$1,234.56', 'US$1,234.56'],
    [123450, 'EUR', '€1,234.50', '€1,234.50'],
    [1234567, 'KWD', 'KWD 1,234.567', 'KWD 1,234.567'],
    [1500, 'BHD', 'BHD 1.500', 'BHD 1.500'],
    [123456, 'XYZ', 'XYZ 1,234.56', 'XYZ 1,234.56'],
    [-150, 'USD', '-$1.50', '-US$1.50'],
  ])('shows %i %s as "%s" in English and "%s" in Chinese', (minor, currency, en, zh) => {
    expect(plain(formatMoney(minor, currency, 'en'))).toBe(en);
    expect(plain(formatMoney(minor, currency, 'zh-CN'))).toBe(zh);
  });

  it('shows English when no locale is given', () => {
    expect(formatMoney(150000, 'JPY')).toBe('¥150,000');
  });

  it('formats every digit of a large amount, not the nearest double', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'USD', 'en')).toBe('$90,071,992,547,409.91');
    expect(plain(formatMoney(Number.MAX_SAFE_INTEGER, 'KWD', 'en'))).toBe('KWD 9,007,199,254,740.991');
  });

  it('leaves out a zero fraction when asked, for cards and boards', () => {
    expect(formatMoney(880000, 'USD', 'en', { trimZeros: true })).toBe('$8,800');
    expect(formatMoney(880050, 'USD', 'en', { trimZeros: true })).toBe('$8,800.50');
    expect(formatMoney(15000000, 'CNY', 'zh-CN', { trimZeros: true })).toBe('¥150,000');
    expect(formatMoney(150000, 'JPY', 'en', { trimZeros: true })).toBe('¥150,000');
  });

  it('writes compact figures for chart axes in both languages', () => {
    expect(formatMoney(123456789, 'USD', 'en', { compact: true })).toBe('$1.2M');
    expect(formatMoney(123456789, 'CNY', 'zh-CN', { compact: true })).toBe('¥123.5万');
    expect(formatMoney(150000, 'JPY', 'en', { compact: true })).toBe('¥150K');
    expect(formatMoney(150000, 'JPY', 'zh-CN', { compact: true })).toBe('JP¥15万');
  });

  it('falls back to the decimal and the code when Intl refuses the locale', () => {
    expect(formatMoney(150000, 'JPY', 'not_a_locale')).toBe('150000 JPY');
    expect(formatMoney(123456, 'USD', 'not_a_locale')).toBe('1234.56 USD');
  });
});
