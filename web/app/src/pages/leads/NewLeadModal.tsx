import { App, Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useCreateLead } from '../../api/leads';
import { useAuth } from '../../auth/auth-context';
import { CountrySelect } from '../../components/CountrySelect';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';
import { DuplicateWarning } from './DuplicateWarning';

interface Values {
  name: string;
  email?: string;
  phone?: string;
  title?: string;
  source?: string;
  country?: string;
  teamId: string;
  assign: 'rules' | 'pool';
}

/**
 * A new lead from the console: assigned by its team's rules (admins and managers) or put into the
 * team's pool. The duplicate warning shows as the e-mail or phone is typed.
 */
export function NewLeadModal({
  pools,
  defaultTeamId,
  onClose,
}: {
  pools: { teamId: string; name: string }[];
  defaultTeamId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useAuth();
  const [form] = Form.useForm<Values>();
  const create = useCreateLead();
  // `address.country` lands on the country item: the form holds it flat.
  const errors = useSaveErrors(form, { 'address.country': 'country' });
  const mayAssign = roles.some((r) => r === 'admin' || r === 'manager');

  const onFinish = async (v: Values) => {
    errors.reset();
    try {
      const lead = await create.mutateAsync({
        name: v.name,
        ...(v.email ? { email: v.email.trim() } : {}),
        ...(v.phone ? { phone: v.phone.trim() } : {}),
        ...(v.title ? { title: v.title.trim() } : {}),
        ...(v.source ? { source: v.source.trim() } : {}),
        ...(v.country ? { address: { country: v.country } } : {}),
        ...(v.teamId !== 'all' ? { teamId: v.teamId } : {}),
        assign: mayAssign ? v.assign : 'pool',
      });
      message.success(t('leads.create.created', { name: lead.name }));
      onClose();
    } catch (error) {
      errors.fail(error);
    }
  };

  return (
    <Modal
      open
      title={t('leads.create.title')}
      okText={t('leads.create.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={create.isPending}
      okButtonProps={{ ...({ 'data-testid': 'save-lead' } as object) }}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form<Values>
        form={form}
        layout="vertical"
        name="lead"
        initialValues={{ teamId: defaultTeamId ?? pools[0]?.teamId, assign: mayAssign ? 'rules' : 'pool' }}
        onFinish={onFinish}
      >
        <DuplicateWarning form={form} />
        <Form.Item name="name" label={t('fields.name')} rules={[{ required: true, whitespace: true, max: 200 }]}>
          <Input data-testid="lead-name" />
        </Form.Item>
        <Form.Item name="email" label={t('fields.email')} rules={[{ type: 'email', max: 254 }]}>
          <Input type="email" inputMode="email" autoComplete="off" />
        </Form.Item>
        <Form.Item name="phone" label={t('fields.phone')} rules={[{ max: 40 }]}>
          <Input type="tel" inputMode="tel" />
        </Form.Item>
        <Form.Item name="title" label={t('fields.title')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="source" label={t('fields.source')} rules={[{ max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="country" label={t('fields.country')}>
          <CountrySelect />
        </Form.Item>
        <Form.Item name="teamId" label={t('leads.create.team')} rules={[{ required: true }]}>
          <Select options={pools.map((p) => ({ value: p.teamId, label: p.name || t('leads.pool.sharedPool') }))} />
        </Form.Item>
        {mayAssign && (
          <Form.Item name="assign" label={t('leads.create.assign')}>
            <Radio.Group
              options={[
                { value: 'rules', label: t('leads.create.byRules') },
                { value: 'pool', label: t('leads.create.toPool') },
              ]}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
