import { DeleteOutlined, DownloadOutlined, MailOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { formatMoney, minorDigits, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import type { LineInput, QuoteLanguage } from '../../../../../shared/domain/quotes/quote.schema';
import { computeQuote, type Discount } from '../../../../../shared/domain/quotes/quote-math';
import { api } from '../../api/client';
import {
  downloadQuotePdf,
  type Product,
  type Quote,
  useProducts,
  useQuote,
  useQuoteStatus,
  useSendQuote,
  useUpdateQuote,
} from '../../api/quotes';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { Forbidden } from '../../components/Forbidden';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { STATUS_COLORS } from './DealQuotes';
import { QuoteSummary } from './QuoteSummary';

/** One line as the editor holds it: major units and percentages, as people type them. */
interface EditLine {
  key: string;
  productId?: string;
  description: string;
  quantity: number;
  price: number;
  discountType: 'none' | 'percent' | 'amount';
  discountValue: number;
  taxPercent: number;
}

interface EditState {
  title: string;
  language: QuoteLanguage;
  validUntil: string;
  notes: string;
  lines: EditLine[];
  discountType: 'none' | 'percent' | 'amount';
  discountValue: number;
}

let nextKey = 0;
const newKey = () => `line-${++nextKey}`;

function discountOf(type: EditLine['discountType'], value: number, currency: string): Discount | null {
  if (type === 'percent') return { type: 'percent', basisPoints: Math.round((value || 0) * 100) };
  if (type === 'amount') return { type: 'amount', amount: toMinor(value || 0, currency) };
  return null;
}

function toEditState(quote: Quote): EditState {
  const major = (n: number) => toMajor(n, quote.currency);
  const editDiscount = (d: Discount | null | undefined) =>
    d?.type === 'percent'
      ? { type: 'percent' as const, value: d.basisPoints / 100 }
      : d?.type === 'amount'
        ? { type: 'amount' as const, value: major(d.amount) }
        : { type: 'none' as const, value: 0 };
  const qd = editDiscount(quote.discount);
  return {
    title: quote.title ?? '',
    language: quote.language,
    validUntil: quote.validUntil ?? '',
    notes: quote.notes ?? '',
    discountType: qd.type,
    discountValue: qd.value,
    lines: quote.lines.map((l) => {
      const d = editDiscount(l.discount);
      return {
        key: newKey(),
        productId: l.productId,
        description: l.description,
        quantity: l.quantityMilli / 1000,
        price: major(l.unitPrice),
        discountType: d.type,
        discountValue: d.value,
        taxPercent: l.taxRate / 100,
      };
    }),
  };
}

function toLineInputs(lines: EditLine[], currency: string): LineInput[] {
  return lines.map((l) => ({
    ...(l.productId ? { productId: l.productId } : {}),
    description: l.description.trim() || '-',
    quantityMilli: Math.max(1, Math.round((l.quantity || 0) * 1000)),
    unitPrice: toMinor(l.price || 0, currency),
    discount: discountOf(l.discountType, l.discountValue, currency),
    taxRate: Math.round((l.taxPercent || 0) * 100),
  }));
}

/** /app/quotes/:id: a quote, its editor while it is a draft, its status actions, PDF and e-mail. */
export function QuotePage() {
  const { can } = useAuth();
  const { id = '' } = useParams();
  const quote = useQuote(id);
  if (!can('quotes:read')) return <Forbidden />;
  if (quote.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (quote.isError)
    return <QueryError error={quote.error} onRetry={() => quote.refetch()} retrying={quote.isFetching} />;
  // Re-mount the editor on each saved version, so it starts from what the server computed.
  return <QuoteView key={`${quote.data.id}@${quote.data.version}`} quote={quote.data} editable={can('quotes:write')} />;
}

function QuoteView({ quote, editable }: { quote: Quote; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const draft = quote.status === 'draft' && editable;
  const [state, setState] = useState<EditState>(() => toEditState(quote));
  const [sending, setSending] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const update = useUpdateQuote();
  const status = useQuoteStatus();
  const products = useProducts('active');
  const currency = quote.currency;
  const money = (n: number) => formatMoney(n, currency, i18n.language);

  const inputs = useMemo(() => toLineInputs(state.lines, currency), [state.lines, currency]);
  // The same pure function the server prices with: what is shown is what will be saved.
  const priced = useMemo(
    () => computeQuote(inputs, discountOf(state.discountType, state.discountValue, currency)),
    [inputs, state.discountType, state.discountValue, currency],
  );

  const setLine = (key: string, patch: Partial<EditLine>) =>
    setState((s) => ({ ...s, lines: s.lines.map((l) => (l.key === key ? { ...l, ...patch } : l)) }));
  const addLine = () =>
    setState((s) => ({
      ...s,
      lines: [
        ...s.lines,
        {
          key: newKey(),
          description: '',
          quantity: 1,
          price: 0,
          discountType: 'none',
          discountValue: 0,
          taxPercent: 0,
        },
      ],
    }));
  const pickProduct = (key: string, product: Product | undefined) => {
    if (!product) return setLine(key, { productId: undefined });
    const name = state.language === 'zh-CN' && product.nameZh ? product.nameZh : product.name;
    setLine(key, {
      productId: product.id,
      description: name,
      taxPercent: product.taxRate / 100,
      // A price in another currency is not converted: the rep types it.
      ...(product.currency === currency ? { price: toMajor(product.unitPrice, currency) } : {}),
    });
  };

  const save = async () => {
    try {
      await update.mutateAsync({
        quote,
        patch: {
          title: state.title.trim() || null,
          language: state.language,
          validUntil: state.validUntil || null,
          notes: state.notes.trim() || null,
          lines: inputs,
          discount: discountOf(state.discountType, state.discountValue, currency),
        },
      });
      message.success(t('quotes.saved'));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
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

  const productOptions = (products.data ?? []).map((p) => ({
    value: p.id,
    label: `${state.language === 'zh-CN' && p.nameZh ? p.nameZh : p.name} · ${p.sku}`,
  }));
  const byId = new Map((products.data ?? []).map((p) => [p.id, p]));

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
            {quote.dealName} · {currency}
            {quote.sentTo ? ` · ${t('quotes.sentTo', { name: quote.sentTo.name, email: quote.sentTo.email })}` : ''}
          </Typography.Text>
        }
        extra={
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
          </Flex>
        }
      />
      {!draft && <Alert type="info" showIcon title={t('quotes.readOnly')} />}
      <Card size="small">
        <Form layout="vertical" disabled={!draft}>
          <Flex gap={12} wrap>
            <Form.Item label={t('quotes.quoteTitle')} style={{ flex: '1 1 240px', marginBottom: 12 }}>
              <Input
                value={state.title}
                maxLength={200}
                onChange={(e) => setState((s) => ({ ...s, title: e.target.value }))}
                data-testid="quote-title"
              />
            </Form.Item>
            <Form.Item label={t('quotes.language')} style={{ marginBottom: 12 }}>
              <Select<QuoteLanguage>
                style={{ width: 180 }}
                value={state.language}
                onChange={(language) => setState((s) => ({ ...s, language }))}
                options={(['en', 'zh-CN'] as const).map((l) => ({ value: l, label: t(`quotes.languages.${l}`) }))}
                data-testid="quote-language"
              />
            </Form.Item>
            <Form.Item label={t('quotes.validUntil')} style={{ marginBottom: 12 }}>
              <Input
                type="date"
                value={state.validUntil}
                onChange={(e) => setState((s) => ({ ...s, validUntil: e.target.value }))}
                style={{ width: 170 }}
              />
            </Form.Item>
          </Flex>
        </Form>
      </Card>
      <Card size="small" title={t('quotes.lines')}>
        <Flex vertical gap={12}>
          {state.lines.map((line, i) => (
            <Flex
              key={line.key}
              gap={8}
              wrap
              align="flex-end"
              data-testid="quote-line"
              style={{ borderBottom: '1px solid rgba(5,5,5,0.06)', paddingBottom: 12 }}
            >
              <Field label={t('quotes.product')} style={{ flex: '1 1 220px' }}>
                <Select
                  allowClear
                  showSearch={{ optionFilterProp: 'label' }}
                  disabled={!draft}
                  value={line.productId}
                  placeholder={t('quotes.productPlaceholder')}
                  options={productOptions}
                  onChange={(value?: string) => pickProduct(line.key, value ? byId.get(value) : undefined)}
                  data-testid="line-product"
                  style={{ width: '100%' }}
                />
              </Field>
              <Field label={t('quotes.description')} style={{ flex: '2 1 240px' }}>
                <Input
                  disabled={!draft}
                  value={line.description}
                  maxLength={300}
                  onChange={(e) => setLine(line.key, { description: e.target.value })}
                  data-testid="line-description"
                />
              </Field>
              <Field label={t('quotes.quantity')}>
                <InputNumber
                  disabled={!draft}
                  min={0.001}
                  precision={3}
                  value={line.quantity}
                  onChange={(v) => setLine(line.key, { quantity: Number(v ?? 0) })}
                  style={{ width: 100 }}
                  data-testid="line-quantity"
                />
              </Field>
              <Field label={t('quotes.unitPrice')}>
                <InputNumber
                  disabled={!draft}
                  min={0}
                  precision={minorDigits(currency)}
                  value={line.price}
                  onChange={(v) => setLine(line.key, { price: Number(v ?? 0) })}
                  style={{ width: 130 }}
                  data-testid="line-price"
                />
              </Field>
              <Field label={t('quotes.lineDiscount')}>
                <Flex gap={4}>
                  <Select
                    disabled={!draft}
                    value={line.discountType}
                    onChange={(discountType) => setLine(line.key, { discountType })}
                    options={[
                      { value: 'none', label: t('quotes.none') },
                      { value: 'percent', label: t('quotes.percent') },
                      { value: 'amount', label: t('quotes.fixed') },
                    ]}
                    style={{ width: 90 }}
                    data-testid="line-discount-type"
                  />
                  {line.discountType !== 'none' && (
                    <InputNumber
                      disabled={!draft}
                      min={0}
                      max={line.discountType === 'percent' ? 100 : undefined}
                      precision={line.discountType === 'percent' ? 2 : minorDigits(currency)}
                      value={line.discountValue}
                      onChange={(v) => setLine(line.key, { discountValue: Number(v ?? 0) })}
                      style={{ width: 90 }}
                      data-testid="line-discount"
                    />
                  )}
                </Flex>
              </Field>
              <Field label={t('quotes.taxRate')}>
                <InputNumber
                  disabled={!draft}
                  min={0}
                  max={100}
                  precision={2}
                  value={line.taxPercent}
                  onChange={(v) => setLine(line.key, { taxPercent: Number(v ?? 0) })}
                  style={{ width: 80 }}
                  data-testid="line-tax"
                />
              </Field>
              <Field label={t('quotes.amount')}>
                <Typography.Text
                  strong
                  style={{ display: 'inline-block', minWidth: 110, lineHeight: '32px' }}
                  data-testid="line-amount"
                >
                  {money(priced.lines[i]?.net ?? 0)}
                </Typography.Text>
              </Field>
              {draft && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('quotes.removeLine')}
                  onClick={() => setState((s) => ({ ...s, lines: s.lines.filter((l) => l.key !== line.key) }))}
                />
              )}
            </Flex>
          ))}
          {draft && (
            <div>
              <Button icon={<PlusOutlined />} onClick={addLine} data-testid="add-line">
                {t('quotes.addLine')}
              </Button>
            </div>
          )}
          <Flex gap={16} wrap justify="space-between" align="flex-start">
            <Flex vertical gap={8} style={{ flex: '1 1 260px' }}>
              <Field label={t('quotes.quoteDiscount')}>
                <Flex gap={4}>
                  <Select
                    disabled={!draft}
                    value={state.discountType}
                    onChange={(discountType) => setState((s) => ({ ...s, discountType }))}
                    options={[
                      { value: 'none', label: t('quotes.none') },
                      { value: 'percent', label: t('quotes.percent') },
                      { value: 'amount', label: t('quotes.fixed') },
                    ]}
                    style={{ width: 100 }}
                    data-testid="quote-discount-type"
                  />
                  {state.discountType !== 'none' && (
                    <InputNumber
                      disabled={!draft}
                      min={0}
                      precision={state.discountType === 'percent' ? 2 : minorDigits(currency)}
                      value={state.discountValue}
                      onChange={(v) => setState((s) => ({ ...s, discountValue: Number(v ?? 0) }))}
                      style={{ width: 110 }}
                      data-testid="quote-discount"
                    />
                  )}
                </Flex>
              </Field>
              <Field label={t('quotes.notes')}>
                <Input.TextArea
                  disabled={!draft}
                  rows={3}
                  maxLength={2000}
                  value={state.notes}
                  onChange={(e) => setState((s) => ({ ...s, notes: e.target.value }))}
                />
              </Field>
            </Flex>
            <QuoteSummary totals={priced.totals} currency={currency} />
          </Flex>
          {draft && (
            <Flex justify="flex-end">
              <Button
                type="primary"
                icon={<SaveOutlined />}
                onClick={save}
                loading={update.isPending}
                data-testid="save-quote"
              >
                {t('quotes.save')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Card>
      {sending && <SendQuoteModal quote={quote} onClose={() => setSending(false)} />}
    </Flex>
  );
}

function Field({ label, children, style }: { label: string; children: React.ReactNode; style?: React.CSSProperties }) {
  return (
    <Flex vertical gap={4} style={style}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}

interface ContactOption {
  id: string;
  name: string;
  email?: string;
}

function SendQuoteModal({ quote, onClose }: { quote: Quote; onClose: () => void }) {
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
        <Field label={t('quotes.recipient')}>
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
        </Field>
        <Field label={t('quotes.message')}>
          <Input.TextArea rows={3} maxLength={2000} value={text} onChange={(e) => setText(e.target.value)} />
        </Field>
      </Flex>
    </Modal>
  );
}
