/** Money in the console: integer minor units from the API, shown and typed in major units. */

export function fractionDigits(currency: string): number {
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  } catch {
    return 2;
  }
}

export function formatMoney(minor: number, currency: string, language: string): string {
  const digits = fractionDigits(currency);
  try {
    return new Intl.NumberFormat(language, {
      style: 'currency',
      currency,
      maximumFractionDigits: digits,
      minimumFractionDigits: 0,
    }).format(minor / 10 ** digits);
  } catch {
    return `${(minor / 10 ** digits).toFixed(digits)} ${currency}`;
  }
}

export const toMinor = (major: number, currency: string) => Math.round(major * 10 ** fractionDigits(currency));
export const toMajor = (minor: number, currency: string) => minor / 10 ** fractionDigits(currency);

export const CURRENCIES = ['CNY', 'USD', 'EUR', 'JPY', 'HKD', 'GBP'] as const;

/** "12 d", "5 h", "3 min": how long a deal stayed in a stage. */
export function durationParts(ms: number): { unit: 'days' | 'hours' | 'minutes'; count: number } {
  const minutes = Math.floor(ms / 60_000);
  if (minutes >= 60 * 24) return { unit: 'days', count: Math.floor(minutes / (60 * 24)) };
  if (minutes >= 60) return { unit: 'hours', count: Math.floor(minutes / 60) };
  return { unit: 'minutes', count: minutes };
}
