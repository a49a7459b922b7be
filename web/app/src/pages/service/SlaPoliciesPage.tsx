import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES } from '../../../../../shared/domain/service/sla-policy.schema';
import { TIMERS } from '../../../../../shared/domain/service/sla-timers';
import {
  type SlaPolicy,
  useBusinessCalendars,
  useDeleteSlaPolicy,
  useSlaPolicies,
  useUpdateSlaPolicy,
} from '../../api/service';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SlaPolicyModal } from './SlaPolicyModal';

/** /app/settings/sla-policies: targets per priority, checked top to bottom (admins edit, agents read). */
export function SlaPoliciesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mayEdit = can('serviceSettings:manage');
  const [editing, setEditing] = useState<SlaPolicy | 'new' | null>(null);
  const policies = useSlaPolicies();

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('sla.title')}
        subTitle={<Typography.Text type="secondary">{t('sla.intro')}</Typography.Text>}
        extra={
          mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-policy" onClick={() => setEditing('new')}>
              {t('sla.new')}
            </Button>
          )
        }
      />
      {policies.isSuccess && policies.data.length > 0 ? (
        policies.data.map((policy, index) => (
          <PolicyCard
            key={policy.id}
            policy={policy}
            first={index === 0}
            last={index === policies.data.length - 1}
            onEdit={mayEdit ? () => setEditing(policy) : undefined}
          />
        ))
      ) : (
        <Card size="small">
          <QueryState query={policies} rows={3} isEmpty={(data) => !data.length} empty={t('sla.empty')} />
        </Card>
      )}
      {editing && <SlaPolicyModal policy={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function PolicyCard(props: { policy: SlaPolicy; first: boolean; last: boolean; onEdit?: () => void }) {
  const { policy, first, last, onEdit } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();
  const calendars = useBusinessCalendars();
  const update = useUpdateSlaPolicy();
  const remove = useDeleteSlaPolicy();
  const calendar = calendars.data?.find((c) => c.id === policy.calendarId);
  const move = async (position: number) => {
    try {
      await update.mutateAsync({ policy, patch: { position } });
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };
  const c = policy.conditions;
  const conditionTags = [
    ...(c.priorities ?? []).map((p) => t(`sla.priority.${p}`)),
    ...(c.channels ?? []).map((ch) => t(`sla.channel.${ch}`)),
    ...(c.tiers ?? []).map((tier) => t(`tiers.${tier}`)),
    ...(c.tags ?? []).map((tag) => `#${tag}`),
  ];
  const actions = onEdit && (
    <Flex gap={4} wrap>
      <Button
        size="small"
        icon={<ArrowUpOutlined />}
        disabled={first}
        aria-label={t('sla.moveUp')}
        data-testid="policy-up"
        onClick={() => move(policy.position - 1)}
      />
      <Button
        size="small"
        icon={<ArrowDownOutlined />}
        disabled={last}
        aria-label={t('sla.moveDown')}
        data-testid="policy-down"
        onClick={() => move(policy.position + 1)}
      />
      <Button size="small" icon={<EditOutlined />} data-testid="edit-policy" onClick={onEdit}>
        {t('common.edit')}
      </Button>
      <Popconfirm
        title={t('sla.deleteConfirm', { name: policy.name })}
        okText={t('sla.delete')}
        cancelText={t('common.cancel')}
        okButtonProps={{ danger: true }}
        onConfirm={async () => {
          try {
            await remove.mutateAsync(policy);
            message.success(t('sla.deleted', { name: policy.name }));
          } catch (error) {
            message.error(errorMessage(error, t));
          }
        }}
      >
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('sla.delete')} />
      </Popconfirm>
    </Flex>
  );
  return (
    <Card size="small" title={policy.name} extra={actions} data-testid="policy-card" data-policy-name={policy.name}>
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('sla.conditions')}>
          {conditionTags.length ? conditionTags.map((label) => <Tag key={label}>{label}</Tag>) : t('sla.anyTicket')}
        </Descriptions.Item>
        <Descriptions.Item label={t('sla.calendar')}>{calendar ? calendar.name : t('sla.allDay')}</Descriptions.Item>
      </Descriptions>
      <table style={{ borderSpacing: '16px 4px' }} data-testid="policy-target-table">
        <thead>
          <tr>
            <th />
            {TIMERS.map((timer) => (
              <th key={timer} style={{ textAlign: 'start' }}>
                <Typography.Text type="secondary">{t(`sla.${timer}`)}</Typography.Text>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {PRIORITIES.filter((p) => policy.targets[p]).map((priority) => (
            <tr key={priority}>
              <th style={{ textAlign: 'start' }}>{t(`sla.priority.${priority}`)}</th>
              {TIMERS.map((timer) => {
                const minutes = policy.targets[priority]?.[timer];
                return <td key={timer}>{minutes ? t('sla.minutes', { count: minutes }) : t('sla.none')}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
