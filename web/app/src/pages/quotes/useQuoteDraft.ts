import { useMemo, useRef, useState } from 'react';
import { toMajor } from '../../../../../shared/domain/common/money';
import type { QuotePatch } from '../../../../../shared/domain/quotes/quote.schema';
import { computeQuote } from '../../../../../shared/domain/quotes/quote-math';
import type { Product, Quote } from '../../api/quotes';
import { BLANK_LINE, discountOf, type EditLine, type EditState, toEditState, toLineInputs } from './quote-draft';

/**
 * The draft of a quote being edited: its fields and lines as typed, priced live by the same pure
 * function the server prices with, so what is shown is what will be saved. Line keys come from a
 * counter of this mount, not of the module, so two editors never share one.
 */
export function useQuoteDraft(quote: Quote) {
  const currency = quote.currency;
  const lastKey = useRef(quote.lines.length);
  const [state, setState] = useState<EditState>(() => toEditState(quote, (i) => `line-${i}`));

  const inputs = useMemo(() => toLineInputs(state.lines, currency), [state.lines, currency]);
  const priced = useMemo(
    () => computeQuote(inputs, discountOf(state.discountType, state.discountValue, currency)),
    [inputs, state.discountType, state.discountValue, currency],
  );

  const set = (patch: Partial<Omit<EditState, 'lines'>>) => setState((s) => ({ ...s, ...patch }));
  const setLine = (key: string, patch: Partial<EditLine>) =>
    setState((s) => ({ ...s, lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const addLine = () => {
    lastKey.current += 1;
    const key = `line-${lastKey.current}`;
    setState((s) => ({ ...s, lines: [...s.lines, { key, ...BLANK_LINE }] }));
  };
  const removeLine = (key: string) => setState((s) => ({ ...s, lines: s.lines.filter((l) => l.key !== key) }));
  /** A product fills the line's description (in the quote's language), tax and, in its currency, price. */
  const pickProduct = (key: string, product: Product | undefined) => {
    if (!product) return setLine(key, { productId: undefined });
    setLine(key, {
      productId: product.id,
      description: productName(product, state.language),
      taxPercent: product.taxRate / 100,
      // A price in another currency is not converted: the rep types it.
      ...(product.currency === currency ? { price: toMajor(product.unitPrice, currency) } : {}),
    });
  };

  const patch = (): Omit<QuotePatch, 'version'> => ({
    title: state.title.trim() || null,
    language: state.language,
    validUntil: state.validUntil || null,
    notes: state.notes.trim() || null,
    lines: inputs,
    discount: discountOf(state.discountType, state.discountValue, currency),
  });

  return { state, priced, set, setLine, addLine, removeLine, pickProduct, patch };
}

export type QuoteDraft = ReturnType<typeof useQuoteDraft>;

export function productName(product: Product, language: string): string {
  return language === 'zh-CN' && product.nameZh ? product.nameZh : product.name;
}
