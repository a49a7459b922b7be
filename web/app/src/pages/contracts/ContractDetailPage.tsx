import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  InputNumber,
  List,
  Modal,
  Popconfirm,
  Table,
  Tag,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatMoney, minorDigits, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import {
  type ContractView,
  downloadAttachment,
  useContract,
  useContractAction,
  useRecordPayment,
  useUploadAttachment,
} from '../../api/contracts';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';
import { useIsPhone } from '../../layout/useIsPhone';
import { STATUS_COLORS } from './status';

/** One contract: terms, attachments, payment schedule and payments; renew, terminate, record a payment. */
export function ContractDetailPage() {
  const { id } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const phone = useIsPhone();
  const contract = useContract(id);
  const action = useContractAction();
  const upload = useUploadAttachment();
  const [paying, setPaying] = useState(false);

  if (!contract.isSuccess) return <QueryState query={contract} />;
  const c = contract.data;
  const fmt = (minor: number) => formatMoney(minor, c.currency, i18n.language);
  const writable = can('contracts:write') && (c.lifecycle === 'active' || c.lifecycle === 'draft');

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={
          <span data-testid="contract-heading">
            {c.number} · {c.title}
          </span>
        }
        back={{ to: '/contracts', label: t('contracts.title') }}
        extra={
          <>
            {writable && c.lifecycle === 'active' && (
              <Popconfirm
                title={t('contracts.renewConfirm')}
                onConfirm={async () => {
                  const next = await action.mutateAsync({ c, action: 'renew' });
                  message.success(t('contracts.renewed'));
                  return next;
                }}
              >
                <Button type="primary" data-testid="contract-renew">
                  {t('contracts.renew')}
                </Button>
              </Popconfirm>
            )}
            {writable && (
              <Popconfirm
                title={t('contracts.terminateConfirm')}
                onConfirm={() => action.mutateAsync({ c, action: 'terminate' })}
              >
                <Button danger data-testid="contract-terminate">
                  {t('contracts.terminate')}
                </Button>
              </Popconfirm>
            )}
            {can('payments:manage') && c.lifecycle !== 'draft' && c.outstanding > 0 && (
              <Button data-testid="contract-pay" onClick={() => setPaying(true)}>
                {t('contracts.recordPayment')}
              </Button>
            )}
          </>
        }
      />
      <SaveErrorAlert error={action.error} />
      <Card size="small">
        <Descriptions column={phone ? 1 : 2} size="small">
          <Descriptions.Item label={t('contracts.fields.status')}>
            <Tag color={STATUS_COLORS[c.status]} data-testid="contract-status">
              {t(`contracts.status.${c.status}`)}
            </Tag>
            {c.lifecycle === 'active' && c.daysToEnd >= 0 && t('contracts.daysLeft', { count: c.daysToEnd })}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.company')}>
            <Link to={`/companies/${c.companyId}`}>{c.companyName}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.period')}>
            {c.startDate} → {c.endDate}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.value')}>{fmt(c.value)}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.outstanding')}>
            <span data-testid="contract-outstanding">{fmt(c.outstanding)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.overdue')}>
            <span style={{ color: c.overdue ? '#cf1322' : undefined }}>{fmt(c.overdue)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.paymentTerms')}>{c.paymentTerms ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.reminders')}>
            {c.reminderOffsets.map((o) => t('contracts.daysBefore', { count: Number.parseInt(o, 10) })).join(', ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('contracts.fields.owner')}>{c.ownerName}</Descriptions.Item>
          {c.renewalDealId && (
            <Descriptions.Item label={t('contracts.fields.renewalDeal')}>
              <Link to={`/deals/${c.renewalDealId}`}>{t('contracts.openDeal')}</Link>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card
        size="small"
        title={t('contracts.attachments')}
        extra={
          can('contracts:write') && (
            <Upload
              showUploadList={false}
              accept=".pdf,.png,.jpg,.jpeg,.docx,.xlsx"
              customRequest={async ({ file, onSuccess, onError }) => {
                try {
                  await upload.mutateAsync({ contractId: c.id, file: file as File });
                  onSuccess?.({});
                } catch (e) {
                  message.error(t('contracts.uploadFailed'));
                  onError?.(e as Error);
                }
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="attachment-upload">
                {t('contracts.upload')}
              </Button>
            </Upload>
          )
        }
      >
        <List
          size="small"
          dataSource={c.attachments ?? []}
          locale={{ emptyText: t('contracts.noAttachments') }}
          renderItem={(a) => (
            <List.Item
              data-testid="attachment-row"
              actions={[
                <Button
                  key="dl"
                  type="link"
                  icon={<DownloadOutlined />}
                  data-testid="attachment-download"
                  onClick={() => downloadAttachment(c.id, a.id)}
                />,
              ]}
            >
              {a.fileName} ({fileSize(a.size)})
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('contracts.schedule')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.schedule}
          locale={{ emptyText: t('contracts.noSchedule') }}
          columns={[
            { title: t('contracts.fields.dueDate'), dataIndex: 'dueDate' },
            { title: t('contracts.fields.amount'), render: (_, i) => fmt(i.amount) },
          ]}
        />
      </Card>
      <Card size="small" title={t('contracts.payments')}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={c.payments}
          locale={{ emptyText: t('contracts.noPayments') }}
          columns={[
            { title: t('contracts.fields.date'), dataIndex: 'date' },
            { title: t('contracts.fields.amount'), render: (_, p) => fmt(p.amount) },
            { title: t('contracts.fields.recordedBy'), render: (_, p) => p.recordedBy.name },
          ]}
        />
      </Card>
      {paying && <PaymentModal c={c} onClose={() => setPaying(false)} />}
    </Flex>
  );
}

function PaymentModal({ c, onClose }: { c: ContractView; onClose: () => void }) {
  const { t } = useTranslation();
  const pay = useRecordPayment();
  const [form] = Form.useForm<{ date: Dayjs; amount: number }>();
  const errors = useSaveErrors(form);
  return (
    <Modal
      open
      title={t('contracts.recordPayment')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={pay.isPending}
      okButtonProps={{ 'data-testid': 'payment-save' } as never}
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form
        form={form}
        layout="vertical"
        initialValues={{ date: dayjs(), amount: toMajor(c.outstanding, c.currency) }}
        onFinish={async (v) => {
          errors.reset();
          try {
            await pay.mutateAsync({
              c,
              payment: { date: v.date.format('YYYY-MM-DD'), amount: toMinor(v.amount, c.currency) },
            });
            onClose();
          } catch (error) {
            errors.fail(error);
          }
        }}
      >
        <Form.Item name="date" label={t('contracts.fields.date')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="amount" label={t('contracts.fields.amount')} rules={[{ required: true }]}>
          <InputNumber
            min={toMajor(1, c.currency)}
            max={toMajor(c.outstanding, c.currency)}
            precision={minorDigits(c.currency)}
            style={{ width: '100%' }}
            data-testid="payment-amount"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 532 B, 14 KB, 2.3 MB: a file's size as people read it. */
function fileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
