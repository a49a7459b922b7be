import { Card, Flex, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { QuoteLanguage } from '../../../../../shared/domain/quotes/quote.schema';
import type { QuoteDraft } from './useQuoteDraft';

/** The quote's title, language (of its PDF and e-mail) and validity date. */
export function QuoteDetailsCard({ draft, editable }: { draft: QuoteDraft; editable: boolean }) {
  const { t } = useTranslation();
  const { state, set } = draft;
  return (
    <Card size="small">
      <Form layout="vertical" disabled={!editable}>
        <Flex gap={12} wrap>
          <Form.Item label={t('quotes.quoteTitle')} style={{ flex: '1 1 240px', marginBottom: 12 }}>
            <Input
              value={state.title}
              maxLength={200}
              onChange={(e) => set({ title: e.target.value })}
              data-testid="quote-title"
            />
          </Form.Item>
          <Form.Item label={t('quotes.language')} style={{ marginBottom: 12 }}>
            <Select<QuoteLanguage>
              style={{ width: 180 }}
              value={state.language}
              onChange={(language) => set({ language })}
              options={(['en', 'zh-CN'] as const).map((l) => ({ value: l, label: t(`quotes.languages.${l}`) }))}
              data-testid="quote-language"
            />
          </Form.Item>
          <Form.Item label={t('quotes.validUntil')} style={{ marginBottom: 12 }}>
            <Input
              type="date"
              value={state.validUntil}
              onChange={(e) => set({ validUntil: e.target.value })}
              style={{ width: 170 }}
            />
          </Form.Item>
        </Flex>
      </Form>
    </Card>
  );
}
