import { toMajor, toMinor } from '../../../../../shared/domain/common/money';
import type { LineInput, QuoteLanguage } from '../../../../../shared/domain/quotes/quote.schema';
import type { Discount } from '../../../../../shared/domain/quotes/quote-math';
import type { Quote } from '../../api/quotes';

export type DiscountKind = 'none' | 'percent' | 'amount';

/** One line as the editor holds it: major units and percentages, as people type them. */
export interface EditLine {
  key: string;
  productId?: string;
  description: string;
  quantity: number;
  price: number;
  discountType: DiscountKind;
  discountValue: number;
  taxPercent: number;
}

export interface EditState {
  title: string;
  language: QuoteLanguage;
  validUntil: string;
  notes: string;
  lines: EditLine[];
  discountType: DiscountKind;
  discountValue: number;
}

export const BLANK_LINE: Omit<EditLine, 'key'> = {
  description: '',
  quantity: 1,
  price: 0,
  discountType: 'none',
  discountValue: 0,
  taxPercent: 0,
};

export function discountOf(type: DiscountKind, value: number, currency: string): Discount | null {
  if (type === 'percent') return { type: 'percent', basisPoints: Math.round((value || 0) * 100) };
  if (type === 'amount') return { type: 'amount', amount: toMinor(value || 0, currency) };
  return null;
}

function editDiscount(d: Discount | null | undefined, currency: string): { type: DiscountKind; value: number } {
  if (d?.type === 'percent') return { type: 'percent', value: d.basisPoints / 100 };
  if (d?.type === 'amount') return { type: 'amount', value: toMajor(d.amount, currency) };
  return { type: 'none', value: 0 };
}

/** The saved quote as the editor holds it; `key` names each line for React (stable per mount). */
export function toEditState(quote: Quote, key: (index: number) => string): EditState {
  const qd = editDiscount(quote.discount, quote.currency);
  return {
    title: quote.title ?? '',
    language: quote.language,
    validUntil: quote.validUntil ?? '',
    notes: quote.notes ?? '',
    discountType: qd.type,
    discountValue: qd.value,
    lines: quote.lines.map((l, i) => {
      const d = editDiscount(l.discount, quote.currency);
      return {
        key: key(i),
        productId: l.productId,
        description: l.description,
        quantity: l.quantityMilli / 1000,
        price: toMajor(l.unitPrice, quote.currency),
        discountType: d.type,
        discountValue: d.value,
        taxPercent: l.taxRate / 100,
      };
    }),
  };
}

/** What the API takes: minor units, thousandths and basis points. */
export function toLineInputs(lines: EditLine[], currency: string): LineInput[] {
  return lines.map((l) => ({
    ...(l.productId ? { productId: l.productId } : {}),
    description: l.description.trim() || '-',
    quantityMilli: Math.max(1, Math.round((l.quantity || 0) * 1000)),
    unitPrice: toMinor(l.price || 0, currency),
    discount: discountOf(l.discountType, l.discountValue, currency),
    taxRate: Math.round((l.taxPercent || 0) * 100),
  }));
}
