import { Form, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Deal, Pipeline } from '../../api/deals';
import { labelOf } from './stage-label';

/** Asks why a deal was lost before it is closed as lost (the API refuses it without a reason). */
export function LostReasonModal({
  deal,
  pipeline,
  onConfirm,
  onCancel,
}: {
  deal: Deal | undefined;
  pipeline: Pipeline;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={Boolean(deal)}
      title={t('deals.lostDialog.title', { name: deal?.name ?? '' })}
      okText={t('deals.lostDialog.confirm')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'lost-confirm' } as Record<string, string>) }}
      onCancel={() => {
        form.resetFields();
        onCancel();
      }}
      onOk={async () => {
        const { reason } = await form.validateFields();
        form.resetFields();
        onConfirm(reason);
      }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('deals.lostDialog.reason')} rules={[{ required: true }]}>
          <Select
            data-testid="lost-reason"
            options={pipeline.lostReasons.map((r) => ({ value: r.id, label: labelOf(r, i18n.language) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
