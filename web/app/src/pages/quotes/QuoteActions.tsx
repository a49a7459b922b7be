import { DownloadOutlined, MailOutlined } from '@ant-design/icons';
import { App, Button, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadQuotePdf, type Quote, useQuoteStatus } from '../../api/quotes';
import { errorMessage } from '../../components/error-message';
import { SendQuoteModal } from './SendQuoteModal';

/** What can be done with a quote: its PDF, e-mail it, and move it draft → sent → accepted / rejected. */
export function QuoteActions({ quote, editable }: { quote: Quote; editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const status = useQuoteStatus();
  const [sending, setSending] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const draft = quote.status === 'draft' && editable;

  const move = async (to: 'sent' | 'accepted' | 'rejected') => {
    try {
      await status.mutateAsync({ quote, status: to });
      message.success(t('quotes.statusChanged'));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const download = async () => {
    setDownloading(true);
    try {
      await downloadQuotePdf(quote);
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <Flex gap={8} wrap>
      <Button icon={<DownloadOutlined />} onClick={download} loading={downloading} data-testid="download-pdf">
        {t('quotes.downloadPdf')}
      </Button>
      {editable && (quote.status === 'draft' || quote.status === 'sent') && (
        <Button icon={<MailOutlined />} onClick={() => setSending(true)} data-testid="send-quote">
          {t('quotes.sendEmail')}
        </Button>
      )}
      {draft && (
        <Button onClick={() => move('sent')} loading={status.isPending} data-testid="mark-sent">
          {t('quotes.markSent')}
        </Button>
      )}
      {editable && quote.status === 'sent' && (
        <>
          <Button type="primary" onClick={() => move('accepted')} data-testid="mark-accepted">
            {t('quotes.accept')}
          </Button>
          <Button danger onClick={() => move('rejected')} data-testid="mark-rejected">
            {t('quotes.reject')}
          </Button>
        </>
      )}
      {sending && <SendQuoteModal quote={quote} onClose={() => setSending(false)} />}
    </Flex>
  );
}
