import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { CURRENCIES, minorDigits, toMinor } from '../../../../../shared/domain/common/money';
import { useCreateContract } from '../../api/contracts';
import { CompanySelect } from '../../components/CompanySelect';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

interface Values {
  title: string;
  companyId: string;
  dates: [Dayjs, Dayjs];
  value: number;
  currency: string;
  paymentTerms?: string;
  reminderOffsets: number[];
}

/** A new contract: company, title, period, value, payment terms and expiry reminders (days before the end). */
export function ContractFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateContract();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? 'CNY';
  // The API names the period's ends; the form holds them as one range.
  const errors = useSaveErrors(form, { startDate: 'dates', endDate: 'dates' });

  const submit = async (v: Values) => {
    errors.reset();
    let c: Awaited<ReturnType<typeof create.mutateAsync>>;
    try {
      c = await create.mutateAsync({
        title: v.title,
        companyId: v.companyId,
        startDate: v.dates[0].format('YYYY-MM-DD'),
        endDate: v.dates[1].format('YYYY-MM-DD'),
        value: toMinor(v.value, v.currency),
        currency: v.currency,
        ...(v.paymentTerms ? { paymentTerms: v.paymentTerms } : {}),
        reminderOffsets: v.reminderOffsets.map((d) => `${d}d`),
      });
    } catch (error) {
      errors.fail(error);
      return;
    }
    onClose();
    navigate(`/contracts/${c.id}`);
  };

  return (
    <Modal
      open
      title={t('contracts.new')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending, 'data-testid': 'contract-save' } as never}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ currency: 'CNY', reminderOffsets: [30, 7, 1] }}
      >
        <Form.Item name="title" label={t('contracts.fields.title')} rules={[{ required: true }]}>
          <Input data-testid="contract-title" maxLength={200} />
        </Form.Item>
        <Form.Item name="companyId" label={t('contracts.fields.company')} rules={[{ required: true }]}>
          <CompanySelect data-testid="contract-company" />
        </Form.Item>
        <Form.Item name="dates" label={t('contracts.fields.period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker style={{ width: '100%' }} data-testid="contract-dates" />
        </Form.Item>
        <Form.Item label={t('contracts.fields.value')} required>
          <Form.Item name="value" noStyle rules={[{ required: true }]}>
            <InputNumber
              min={0}
              precision={minorDigits(currency)}
              style={{ width: 'calc(100% - 100px)' }}
              data-testid="contract-value"
            />
          </Form.Item>
          <Form.Item name="currency" noStyle>
            <Select
              style={{ width: 100 }}
              options={CURRENCIES.map((c) => ({ value: c, label: c }))}
              data-testid="contract-currency"
            />
          </Form.Item>
        </Form.Item>
        <Form.Item name="paymentTerms" label={t('contracts.fields.paymentTerms')}>
          <Input maxLength={500} />
        </Form.Item>
        <Form.Item name="reminderOffsets" label={t('contracts.fields.reminders')}>
          <Select
            mode="tags"
            options={[60, 30, 14, 7, 1].map((d) => ({ value: d, label: t('contracts.daysBefore', { count: d }) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
