import { Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../../shared/domain/common/money';
import type { QuoteTotals } from '../../../../../shared/domain/quotes/quote-math';

/** Subtotal, discounts, tax and total of a quote, as computed by the shared quote arithmetic. */
export function QuoteSummary({ totals, currency }: { totals: QuoteTotals; currency: string }) {
  const { t, i18n } = useTranslation();
  const money = (n: number) => formatMoney(n, currency, i18n.language);
  return (
    <Descriptions
      column={1}
      size="small"
      bordered
      style={{ maxWidth: 360, marginInlineStart: 'auto' }}
      data-testid="quote-totals"
      items={[
        { key: 'subtotal', label: t('quotes.subtotal'), children: money(totals.subtotal) },
        ...(totals.lineDiscount
          ? [{ key: 'line', label: t('quotes.lineDiscounts'), children: `−${money(totals.lineDiscount)}` }]
          : []),
        ...(totals.quoteDiscount
          ? [{ key: 'quote', label: t('quotes.quoteDiscount'), children: `−${money(totals.quoteDiscount)}` }]
          : []),
        { key: 'tax', label: t('quotes.tax'), children: money(totals.tax) },
        {
          key: 'total',
          label: <Typography.Text strong>{t('quotes.total')}</Typography.Text>,
          children: (
            <Typography.Text strong data-testid="quote-total">
              {money(totals.total)}
            </Typography.Text>
          ),
        },
      ]}
    />
  );
}
