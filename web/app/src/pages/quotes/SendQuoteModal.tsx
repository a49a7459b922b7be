import { App, Flex, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { type Quote, useSendQuote } from '../../api/quotes';
import { errorMessage } from '../../components/error-message';
import { QuoteField } from './QuoteField';

interface ContactOption {
  id: string;
  name: string;
  email?: string;
}

/** E-mails the quote's PDF to a contact with an address, with an optional note. */
export function SendQuoteModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendQuote();
  const [contactId, setContactId] = useState<string>();
  const [text, setText] = useState('');
  const [options, setOptions] = useState<ContactOption[]>([]);
  const search = async (q: string) => {
    const res = await api.get<{ items: ContactOption[] }>('/api/contacts', { q: q || undefined, limit: 20 });
    setOptions(res.items.filter((c) => c.email));
  };
  const submit = async () => {
    if (!contactId) return;
    try {
      const sent = await send.mutateAsync({ quote, contactId, message: text.trim() || undefined });
      message.success(t('quotes.sentOk', { email: sent.sentTo?.email ?? '' }));
      onClose();
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  return (
    <Modal
      open
      title={t('quotes.sendTitle', { number: quote.number })}
      okText={t('quotes.send')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={send.isPending}
      okButtonProps={{ disabled: !contactId, 'data-testid': 'confirm-send' } as never}
    >
      <Flex vertical gap={12}>
        <QuoteField label={t('quotes.recipient')}>
          <Select
            showSearch={{ filterOption: false, onSearch: search }}
            onFocus={() => search('')}
            value={contactId}
            onChange={setContactId}
            placeholder={t('quotes.recipientPlaceholder')}
            options={options.map((c) => ({ value: c.id, label: `${c.name} <${c.email}>` }))}
            data-testid="send-contact"
            style={{ width: '100%' }}
          />
        </QuoteField>
        <QuoteField label={t('quotes.message')}>
          <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
        </QuoteField>
      </Flex>
    </Modal>
  );
}
