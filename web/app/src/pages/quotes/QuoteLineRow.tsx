import { DeleteOutlined } from '@ant-design/icons';
import { Button, Flex, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../../../shared/domain/common/money';
import { DiscountInput } from './DiscountInput';
import { QuoteField } from './QuoteField';
import type { EditLine } from './quote-draft';

interface Props {
  line: EditLine;
  /** The line's net amount, formatted. */
  amount: string;
  currency: string;
  draft: boolean;
  productOptions: { value: string; label: string }[];
  onChange: (patch: Partial<EditLine>) => void;
  onPickProduct: (productId: string | undefined) => void;
  onRemove: () => void;
}

/** One quote line: product, description, quantity, unit price, discount, tax and its net amount. */
export function QuoteLineRow({
  line,
  amount,
  currency,
  draft,
  productOptions,
  onChange,
  onPickProduct,
  onRemove,
}: Props) {
  const { t } = useTranslation();
  return (
    <Flex
      gap={8}
      wrap
      align="flex-end"
      data-testid="quote-line"
      style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 12 }}
    >
      <QuoteField label={t('quotes.product')} style={{ flex: '1 1 220px' }}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!draft}
          value={line.productId}
          placeholder={t('quotes.productPlaceholder')}
          options={productOptions}
          onChange={(value?: string) => onPickProduct(value)}
          data-testid="line-product"
          style={{ width: '100%' }}
        />
      </QuoteField>
      <QuoteField label={t('quotes.description')} style={{ flex: '2 1 240px' }}>
        <Input
          disabled={!draft}
          value={line.description}
          maxLength={300}
          onChange={(e) => onChange({ description: e.target.value })}
          data-testid="line-description"
        />
      </QuoteField>
      <QuoteField label={t('quotes.quantity')}>
        <InputNumber
          disabled={!draft}
          min={0.001}
          precision={3}
          value={line.quantity}
          onChange={(v) => onChange({ quantity: Number(v ?? 0) })}
          style={{ width: 100 }}
          data-testid="line-quantity"
        />
      </QuoteField>
      <QuoteField label={t('quotes.unitPrice')}>
        <InputNumber
          disabled={!draft}
          min={0}
          precision={minorDigits(currency)}
          value={line.price}
          onChange={(v) => onChange({ price: Number(v ?? 0) })}
          style={{ width: 130 }}
          data-testid="line-price"
        />
      </QuoteField>
      <QuoteField label={t('quotes.lineDiscount')}>
        <DiscountInput
          type={line.discountType}
          value={line.discountValue}
          currency={currency}
          disabled={!draft}
          onChange={onChange}
          testId="line-discount"
          selectWidth={90}
        />
      </QuoteField>
      <QuoteField label={t('quotes.taxRate')}>
        <InputNumber
          disabled={!draft}
          min={0}
          max={100}
          precision={2}
          value={line.taxPercent}
          onChange={(v) => onChange({ taxPercent: Number(v ?? 0) })}
          style={{ width: 80 }}
          data-testid="line-tax"
        />
      </QuoteField>
      <QuoteField label={t('quotes.amount')}>
        <Typography.Text
          strong
          style={{ display: 'inline-block', minWidth: 110, lineHeight: '32px' }}
          data-testid="line-amount"
        >
          {amount}
        </Typography.Text>
      </QuoteField>
      {draft && (
        <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('quotes.removeLine')} onClick={onRemove} />
      )}
    </Flex>
  );
}
