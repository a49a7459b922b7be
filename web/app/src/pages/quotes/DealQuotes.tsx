import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { formatMoney } from '../../../../../shared/domain/common/money';
import { type QuoteStatus, useCreateQuote, useDealQuotes } from '../../api/quotes';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { QueryState } from '../../components/QueryState';

export const STATUS_COLORS: Record<QuoteStatus, string> = {
  draft: 'default',
  sent: 'processing',
  accepted: 'success',
  rejected: 'error',
};

/**
 * A deal's quotes, newest first, with "New quote" (a draft in the deal's currency, opened in the
 * editor). The deal detail page shows it as its Quotes tab; /deals/:dealId/quotes shows it alone.
 */
export function DealQuotes({ dealId }: { dealId: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const quotes = useDealQuotes(dealId);
  const create = useCreateQuote();

  const newQuote = async () => {
    try {
      const quote = await create.mutateAsync({
        dealId,
        language: i18n.language.startsWith('zh') ? 'zh-CN' : 'en',
        lines: [],
      });
      navigate(`/quotes/${quote.id}`);
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <Flex vertical gap={12}>
      {can('quotes:write') && (
        <Flex justify="flex-end">
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={newQuote}
            loading={create.isPending}
            data-testid="new-quote"
          >
            {t('quotes.newQuote')}
          </Button>
        </Flex>
      )}
      <QueryState query={quotes} rows={3} isEmpty={(data) => data.length === 0} empty={t('quotes.empty')}>
        {(data) => (
          <List
            dataSource={data}
            rowKey="id"
            renderItem={(q) => (
              <List.Item data-testid="quote-row" data-quote-id={q.id}>
                <Flex justify="space-between" align="center" gap={8} wrap style={{ width: '100%' }}>
                  <Flex vertical>
                    <Link to={`/quotes/${q.id}`} data-testid="quote-link">
                      <Typography.Text strong>{q.number}</Typography.Text>
                    </Link>
                    {q.title && <Typography.Text type="secondary">{q.title}</Typography.Text>}
                  </Flex>
                  <Flex gap={8} align="center">
                    <Tag color={STATUS_COLORS[q.status]}>{t(`quotes.statuses.${q.status}`)}</Tag>
                    <Typography.Text strong>{formatMoney(q.totals.total, q.currency, i18n.language)}</Typography.Text>
                  </Flex>
                </Flex>
              </List.Item>
            )}
          />
        )}
      </QueryState>
    </Flex>
  );
}
