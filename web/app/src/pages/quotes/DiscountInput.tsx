import { Flex, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { minorDigits } from '../../../../../shared/domain/common/money';
import type { DiscountKind } from './quote-draft';

interface Props {
  type: DiscountKind;
  value: number;
  currency: string;
  disabled: boolean;
  onChange: (patch: { discountType?: DiscountKind; discountValue?: number }) => void;
  testId: string;
  /** Width of the kind select (the line's is narrower than the quote's). */
  selectWidth: number;
}

/** None, a percentage or a fixed amount in the quote's currency, for a line or the whole quote. */
export function DiscountInput({ type, value, currency, disabled, onChange, testId, selectWidth }: Props) {
  const { t } = useTranslation();
  return (
    <Flex gap={4}>
      <Select<DiscountKind>
        disabled={disabled}
        value={type}
        onChange={(discountType) => onChange({ discountType })}
        options={[
          { value: 'none', label: t('quotes.none') },
          { value: 'percent', label: t('quotes.percent') },
          { value: 'amount', label: t('quotes.fixed') },
        ]}
        style={{ width: selectWidth }}
        data-testid={`${testId}-type`}
      />
      {type !== 'none' && (
        <InputNumber
          disabled={disabled}
          min={0}
          max={type === 'percent' ? 100 : undefined}
          precision={type === 'percent' ? 2 : minorDigits(currency)}
          value={value}
          onChange={(v) => onChange({ discountValue: Number(v ?? 0) })}
          style={{ width: 100 }}
          data-testid={testId}
        />
      )}
    </Flex>
  );
}
