import { formatMoney } from '../../../../../shared/domain/common/money';
import { addMonths, currentMonth, currentQuarter } from '../../../../../shared/domain/forecast/period';

/** The forecast's and the dashboard's figures: amounts that may be missing, percentages, periods, the main currency. */

/** An amount in minor units that may be missing (no quota set): "—" then. */
export function formatFigure(
  minor: number | null | undefined,
  currency: string,
  language: string,
  compact = false,
): string {
  return minor === null || minor === undefined ? '—' : formatMoney(minor, currency, language, { compact });
}

export function formatPercent(ratio: number | null | undefined, language: string): string {
  if (ratio === null || ratio === undefined) return '—';
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** Periods offered by the pickers: the last year to the next half year around today (UTC months). */
export function monthChoices(now = new Date()): string[] {
  const month = currentMonth(now);
  return Array.from({ length: 19 }, (_, i) => addMonths(month, 6 - i));
}

export function quarterChoices(now = new Date()): string[] {
  const [year, q] = currentQuarter(now).split('-Q').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 2; i >= -5; i--) {
    const index = year * 4 + (q - 1) + i;
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return out;
}

export { currentMonth, currentQuarter };

/** The currency most figures are in: the one with the largest best case or quota. */
export function mainCurrency(figures: readonly { currency: string; bestCase: number; quota: number | null }[]) {
  const sorted = [...figures].sort((a, b) => Math.max(b.bestCase, b.quota ?? 0) - Math.max(a.bestCase, a.quota ?? 0));
  return sorted[0]?.currency;
}
