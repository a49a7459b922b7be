import { Checkbox, Divider, Flex, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { CHANNELS, PRIORITIES } from '../../../../../shared/domain/service/sla-policy.schema';
import { TIMERS } from '../../../../../shared/domain/service/sla-timers';
import { type SlaPolicy, useBusinessCalendars, useCreateSlaPolicy, useUpdateSlaPolicy } from '../../api/service';
import { useTeams } from '../../api/teams';
import { EditorModal } from '../../components/EditorModal';
import { useSaveErrors } from '../../components/useSaveErrors';
import { initialValues, type PolicyValues, toRequest } from './sla-form';

const TIERS = ['bronze', 'silver', 'gold', 'platinum'] as const;

/** Create or change an SLA policy: who it applies to, its calendar, targets per priority, breach actions. */
export function SlaPolicyModal({ policy, onClose }: { policy?: SlaPolicy; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PolicyValues>();
  // API paths → the form's items: conditions are flat in the form, breach actions too.
  const errors = useSaveErrors(form, { conditions: '', breachActions: '' });
  const calendars = useBusinessCalendars();
  const teams = useTeams();
  const create = useCreateSlaPolicy();
  const update = useUpdateSlaPolicy();

  const save = async (values: PolicyValues) => {
    const body = toRequest(values);
    if (policy) await update.mutateAsync({ policy, patch: body });
    else await create.mutateAsync(body);
    return t(policy ? 'sla.saved' : 'sla.created', { name: body.name });
  };

  return (
    <EditorModal<PolicyValues>
      form={form}
      name="sla-policy"
      width={760}
      title={policy ? t('sla.edit') : t('sla.new')}
      okText={t('sla.save')}
      initialValues={initialValues(policy)}
      errors={errors}
      saving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
    >
      <Form.Item
        name="name"
        label={t('sla.name')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }]}
      >
        <Input maxLength={80} data-testid="field-policy-name" />
      </Form.Item>
      <Divider titlePlacement="start">{t('sla.conditions')}</Divider>
      <Flex gap={12} wrap>
        <Form.Item name="priorities" label={t('sla.priorities')} style={{ flex: '1 1 200px' }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('sla.anyTicket')}
            options={PRIORITIES.map((p) => ({ value: p, label: t(`sla.priority.${p}`) }))}
            data-testid="field-policy-priorities"
          />
        </Form.Item>
        <Form.Item name="channels" label={t('sla.channels')} style={{ flex: '1 1 200px' }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('sla.anyTicket')}
            options={CHANNELS.map((c) => ({ value: c, label: t(`sla.channel.${c}`) }))}
          />
        </Form.Item>
        <Form.Item name="tiers" label={t('sla.tiers')} style={{ flex: '1 1 200px' }}>
          <Select
            mode="multiple"
            allowClear
            placeholder={t('sla.anyTicket')}
            options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
          />
        </Form.Item>
        <Form.Item name="tags" label={t('sla.tags')} style={{ flex: '1 1 200px' }}>
          <Select mode="tags" allowClear placeholder={t('sla.anyTicket')} />
        </Form.Item>
      </Flex>
      <Form.Item name="calendarId" label={t('sla.calendar')}>
        <Select
          data-testid="field-policy-calendar"
          loading={calendars.isPending}
          options={[
            { value: null, label: t('sla.allDay') },
            ...(calendars.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.timeZone})` })),
          ]}
        />
      </Form.Item>
      <Divider titlePlacement="start">{t('sla.targets')}</Divider>
      <table style={{ borderSpacing: 8 }} data-testid="policy-targets">
        <thead>
          <tr>
            <th />
            {TIMERS.map((timer) => (
              <th key={timer}>
                <Typography.Text type="secondary">{t(`sla.${timer}`)}</Typography.Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.map((priority) => (
            <tr key={priority}>
              <th style={{ textAlign: 'start' }}>{t(`sla.priority.${priority}`)}</th>
              {TIMERS.map((timer) => (
                <td key={timer}>
                  <Form.Item name={['targets', priority, timer]} style={{ marginBottom: 0 }}>
                    <InputNumber
                      min={1}
                      max={525600}
                      aria-label={`${t(`sla.priority.${priority}`)} ${t(`sla.${timer}`)}`}
                      data-testid={`target-${priority}-${timer}`}
                    />
                  </Form.Item>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <Divider />
      <Flex gap={16} wrap align="center">
        <Form.Item name="warningPercent" label={t('sla.warningPercent')}>
          <InputNumber min={1} max={99} />
        </Form.Item>
        <Form.Item name="pauseOnHold" valuePropName="checked">
          <Checkbox>{t('sla.pauseOnHold')}</Checkbox>
        </Form.Item>
        <Form.Item name="raisePriority" valuePropName="checked">
          <Checkbox>{t('sla.raisePriority')}</Checkbox>
        </Form.Item>
        <Form.Item name="moveToTeamId" label={t('sla.moveToTeam')} style={{ minWidth: 200 }}>
          <Select
            options={[
              { value: null, label: t('sla.noTeam') },
              ...(teams.data ?? []).map((team) => ({ value: team.id, label: team.name })),
            ]}
          />
        </Form.Item>
      </Flex>
    </EditorModal>
  );
}
