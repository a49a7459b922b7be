import { PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../../shared/domain/common/money';
import { type Quote, useProducts } from '../../api/quotes';
import { DiscountInput } from './DiscountInput';
import { QuoteField } from './QuoteField';
import { QuoteLineRow } from './QuoteLineRow';
import { QuoteSummary } from './QuoteSummary';
import { productName, type QuoteDraft } from './useQuoteDraft';

interface Props {
  quote: Quote;
  draft: QuoteDraft;
  editable: boolean;
  saving: boolean;
  onSave: () => void;
}

/** The lines, the quote-wide discount and notes, the live totals and Save. */
export function QuoteLinesCard({ quote, draft, editable, saving, onSave }: Props) {
  const { t, i18n } = useTranslation();
  const products = useProducts('active');
  const { state, priced } = draft;
  const currency = quote.currency;
  const productOptions = (products.data ?? []).map((p) => ({
    value: p.id,
    label: `${productName(p, state.language)} · ${p.sku}`,
  }));
  const byId = new Map((products.data ?? []).map((p) => [p.id, p]));

  return (
    <Card size="small" title={t('quotes.lines')}>
      <Flex vertical gap={12}>
        {state.lines.map((line, i) => (
          <QuoteLineRow
            key={line.key}
            line={line}
            amount={formatMoney(priced.lines[i]?.net ?? 0, currency, i18n.language)}
            currency={currency}
            draft={editable}
            productOptions={productOptions}
            onChange={(patch) => draft.setLine(line.key, patch)}
            onPickProduct={(id) => draft.pickProduct(line.key, id ? byId.get(id) : undefined)}
            onRemove={() => draft.removeLine(line.key)}
          />
        ))}
        {editable && (
          <div>
            <Button icon={<PlusOutlined />} onClick={draft.addLine} data-testid="add-line">
              {t('quotes.addLine')}
            </Button>
          </div>
        )}
        <Flex gap={16} wrap justify="space-between" align="flex-start">
          <Flex vertical gap={8} style={{ flex: '1 1 260px' }}>
            <QuoteField label={t('quotes.quoteDiscount')}>
              <DiscountInput
                type={state.discountType}
                value={state.discountValue}
                currency={currency}
                disabled={!editable}
                onChange={draft.set}
                testId="quote-discount"
                selectWidth={100}
              />
            </QuoteField>
            <QuoteField label={t('quotes.notes')}>
              <Input.TextArea
                disabled={!editable}
                rows={3}
                maxLength={2000}
                value={state.notes}
                onChange={(e) => draft.set({ notes: e.target.value })}
              />
            </QuoteField>
          </Flex>
          <QuoteSummary totals={priced.totals} currency={currency} />
        </Flex>
        {editable && (
          <Flex justify="flex-end">
            <Button type="primary" icon={<SaveOutlined />} onClick={onSave} loading={saving} data-testid="save-quote">
              {t('quotes.save')}
            </Button>
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
