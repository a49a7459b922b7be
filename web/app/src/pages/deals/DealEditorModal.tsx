import { DatePicker, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CURRENCIES, minorDigits, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import { type Deal, type Pipeline, useCreateDeal, useUpdateDeal } from '../../api/deals';
import { useRecordList } from '../../api/records';
import type { Contact } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { CompanySelect } from '../../components/CompanySelect';
import { OwnerSelect } from '../../components/OwnerSelect';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';
import { labelOf } from './stage-label';

interface Values {
  name: string;
  companyId?: string;
  contactIds?: string[];
  amount: number;
  currency: string;
  expectedCloseDate: Dayjs;
  stageId?: string;
  probabilityOverride?: number | null;
  ownerId?: string;
  source?: string;
  nextStep?: string;
}

/** Creates a deal (in a pipeline) or edits one (stage changes go through the board or the stage menu). */
export function DealEditorModal({
  open,
  deal,
  pipeline,
  onClose,
  onSaved,
}: {
  open: boolean;
  deal?: Deal;
  pipeline?: Pipeline;
  onClose: () => void;
  onSaved?: (deal: Deal) => void;
}) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const [form] = Form.useForm<Values>();
  const currency = Form.useWatch('currency', form) ?? deal?.currency ?? 'CNY';
  const create = useCreateDeal();
  const update = useUpdateDeal();
  const saving = create.isPending || update.isPending;
  const errors = useSaveErrors(form);
  const contacts = useRecordList<Contact>('contacts', {}, open);

  const resetErrors = errors.reset;
  useEffect(() => {
    if (!open) return;
    resetErrors();
    form.resetFields();
    if (deal) {
      form.setFieldsValue({
        name: deal.name,
        companyId: deal.companyId,
        contactIds: deal.contactIds,
        amount: toMajor(deal.amount, deal.currency),
        currency: deal.currency,
        expectedCloseDate: dayjs(deal.expectedCloseDate),
        probabilityOverride: deal.probabilityOverride ?? null,
        ownerId: deal.ownerId,
        source: deal.source,
        nextStep: deal.nextStep,
      });
    } else {
      form.setFieldsValue({ currency: 'CNY', expectedCloseDate: dayjs().add(1, 'month').endOf('month') });
    }
  }, [open, deal, form, resetErrors]);

  const onFinish = async (v: Values) => {
    errors.reset();
    try {
      onSaved?.(await save(v));
      onClose();
    } catch (error) {
      errors.fail(error);
    }
  };

  const save = async (v: Values): Promise<Deal> => {
    const common = {
      name: v.name,
      amount: toMinor(v.amount, v.currency),
      currency: v.currency,
      expectedCloseDate: v.expectedCloseDate.format('YYYY-MM-DD'),
    };
    if (deal) {
      return update.mutateAsync({
        deal,
        patch: {
          ...common,
          companyId: v.companyId ?? null,
          contactIds: v.contactIds ?? [],
          probabilityOverride: v.probabilityOverride ?? null,
          ...(v.ownerId && v.ownerId !== deal.ownerId ? { ownerId: v.ownerId } : {}),
          source: v.source || null,
          nextStep: v.nextStep || null,
        },
      });
    }
    return create.mutateAsync({
      ...common,
      ...(v.companyId ? { companyId: v.companyId } : {}),
      ...(v.contactIds?.length ? { contactIds: v.contactIds } : {}),
      ...(pipeline ? { pipelineId: pipeline.id } : {}),
      ...(v.stageId ? { stageId: v.stageId } : {}),
      ...(typeof v.probabilityOverride === 'number' ? { probabilityOverride: v.probabilityOverride } : {}),
      ...(v.ownerId ? { ownerId: v.ownerId } : {}),
      ...(v.source ? { source: v.source } : {}),
      ...(v.nextStep ? { nextStep: v.nextStep } : {}),
    });
  };

  const contactOptions = [
    ...(deal?.contacts ?? []).map((c) => ({ value: c.id, label: c.name })),
    ...(contacts.data?.pages.flatMap((p) => p.items) ?? [])
      .filter((c) => !deal?.contacts.some((d) => d.id === c.id))
      .map((c) => ({ value: c.id, label: c.name })),
  ];

  return (
    <Modal
      open={open}
      title={deal ? t('deals.editor.edit') : t('deals.editor.create')}
      okText={t('deals.editor.save')}
      cancelText={t('deals.editor.cancel')}
      confirmLoading={saving}
      okButtonProps={{ 'data-testid': 'deal-save' } as Record<string, string>}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      width={640}
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form form={form} layout="vertical" onFinish={onFinish} data-testid="deal-form">
        <Form.Item name="name" label={t('deals.fields.name')} rules={[{ required: true, max: 200 }]}>
          <Input data-testid="deal-name" />
        </Form.Item>
        <Form.Item name="companyId" label={t('deals.fields.company')}>
          <CompanySelect known={deal ? { id: deal.companyId, name: deal.companyName } : undefined} />
        </Form.Item>
        <Form.Item name="contactIds" label={t('deals.fields.contacts')}>
          <Select mode="multiple" options={contactOptions} optionFilterProp="label" maxCount={10} />
        </Form.Item>
        <Space.Compact block>
          <Form.Item name="amount" label={t('deals.fields.amount')} rules={[{ required: true }]} style={{ flex: 1 }}>
            <InputNumber
              min={0}
              precision={minorDigits(currency)}
              style={{ width: '100%' }}
              data-testid="deal-amount"
            />
          </Form.Item>
          <Form.Item name="currency" label={t('deals.fields.currency')} rules={[{ required: true }]}>
            <Select style={{ width: 100 }} options={CURRENCIES.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Space.Compact>
        <Form.Item name="expectedCloseDate" label={t('deals.fields.expectedCloseDate')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} data-testid="deal-close-date" />
        </Form.Item>
        {!deal && pipeline && (
          <Form.Item name="stageId" label={t('deals.fields.stage')}>
            <Select
              allowClear
              placeholder={labelOf(pipeline.stages[0], i18n.language)}
              options={pipeline.stages
                .filter((s) => s.kind === 'open')
                .map((s) => ({ value: s.id, label: `${labelOf(s, i18n.language)} (${s.probability}%)` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="probabilityOverride"
          label={t('deals.fields.probabilityOverride')}
          extra={t('deals.fields.probabilityHint')}
        >
          <InputNumber
            min={0}
            max={100}
            precision={0}
            style={{ width: 140 }}
            disabled={deal && deal.status !== 'open'}
          />
        </Form.Item>
        {can('records:reassign') && (
          <Form.Item name="ownerId" label={t('deals.fields.owner')}>
            <OwnerSelect />
          </Form.Item>
        )}
        <Form.Item name="source" label={t('deals.fields.source')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="nextStep" label={t('deals.fields.nextStep')} rules={[{ max: 500 }]}>
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
