import { Alert, App, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { type Quote, useQuote, useUpdateQuote } from '../../api/quotes';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { STATUS_COLORS } from './DealQuotes';
import { QuoteActions } from './QuoteActions';
import { QuoteDetailsCard } from './QuoteDetailsCard';
import { QuoteLinesCard } from './QuoteLinesCard';
import { useQuoteDraft } from './useQuoteDraft';

/** /app/quotes/:id: a quote, its editor while it is a draft, its status actions, PDF and e-mail. */
export function QuotePage() {
  const { can } = useAuth();
  const { id = '' } = useParams();
  const quote = useQuote(id);
  return (
    <QueryState query={quote} rows={8}>
      {/* Re-mount the editor on each saved version, so it starts from what the server computed. */}
      {(q) => <QuoteView key={`${q.id}@${q.version}`} quote={q} editable={can('quotes:write')} />}
    </QueryState>
  );
}

function QuoteView({ quote, editable }: { quote: Quote; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const draft = useQuoteDraft(quote);
  const update = useUpdateQuote();
  const isDraft = quote.status === 'draft' && editable;

  const save = async () => {
    try {
      await update.mutateAsync({ quote, patch: draft.patch() });
      message.success(t('quotes.saved'));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={
          <Flex gap={8} align="center" wrap>
            <span data-testid="quote-number">{quote.number}</span>
            <Tag color={STATUS_COLORS[quote.status]} data-testid="quote-status">
              {t(`quotes.statuses.${quote.status}`)}
            </Tag>
          </Flex>
        }
        back={{ to: `/deals/${quote.dealId}`, label: t('quotes.backToDeal') }}
        subTitle={
          <Typography.Text type="secondary">
            {quote.dealName} · {quote.currency}
            {quote.sentTo ? ` · ${t('quotes.sentTo', { name: quote.sentTo.name, email: quote.sentTo.email })}` : ''}
          </Typography.Text>
        }
        extra={<QuoteActions quote={quote} editable={editable} />}
      />
      {!isDraft && <Alert type="info" showIcon title={t('quotes.readOnly')} />}
      <QuoteDetailsCard draft={draft} editable={isDraft} />
      <QuoteLinesCard quote={quote} draft={draft} editable={isDraft} saving={update.isPending} onSave={save} />
    </Flex>
  );
}
