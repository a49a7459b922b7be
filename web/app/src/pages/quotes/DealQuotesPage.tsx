import { Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { DealQuotes } from './DealQuotes';

/** /app/deals/:dealId/quotes: a deal's quotes on their own page. */
export function DealQuotesPage() {
  const { t } = useTranslation();
  const { dealId = '' } = useParams();
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('quotes.dealQuotes')} back={{ to: `/deals/${dealId}`, label: t('quotes.backToDeal') }} />
      <Card size="small">
        <DealQuotes dealId={dealId} />
      </Card>
    </Flex>
  );
}
