import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { type TeamRules, useLeadRules, useSaveLeadRules } from '../../api/leads';
import { useStaffNames } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

/** /app/settings/lead-rules (leadPool:manage): per team, how new leads are assigned and how the pool behaves. */
export function LeadRulesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const rules = useLeadRules(can('leadPool:manage'));
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('leads.rules.title')}
        subTitle={<Typography.Text type="secondary">{t('leads.rules.intro')}</Typography.Text>}
      />
      <QueryState query={rules} rows={6} isEmpty={(data) => data.length === 0} empty={t('leads.rules.empty')}>
        {(data) => data.map((r) => <TeamRulesCard key={`${r.teamId}-${r.version}`} rules={r} />)}
      </QueryState>
    </Flex>
  );
}

interface Values {
  strategy: TeamRules['strategy'];
  rotation: string[];
  mappings: { match: string; userId: string }[];
  returnAfterDays: number;
  claimLimit: number;
  cooldownDays: number;
}

function TeamRulesCard({ rules }: { rules: TeamRules }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const names = useStaffNames();
  const save = useSaveLeadRules();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const strategy = Form.useWatch('strategy', form) ?? rules.strategy;
  const teamName = rules.teamName || t('leads.rules.sharedPool');
  const memberOptions = rules.memberIds.map((id) => ({ value: id, label: names.get(id) ?? id }));
  const isTeam = rules.memberIds.length > 0;

  const onFinish = async (values: Values) => {
    errors.reset();
    try {
      await save.mutateAsync({
        teamId: rules.teamId,
        rules: {
          ...values,
          rotation: values.rotation ?? [],
          mappings: values.mappings ?? [],
          ...(rules.version ? { version: rules.version } : {}),
        },
      });
      message.success(t('leads.rules.saved', { team: teamName }));
    } catch (error) {
      errors.fail(error);
    }
  };

  return (
    <Card
      size="small"
      data-testid="lead-rules-card"
      data-team-id={rules.teamId}
      title={
        <Flex gap={8} wrap align="center">
          <span>{teamName}</span>
          {rules.version === 0 && <Tag>{t('leads.rules.defaults')}</Tag>}
        </Flex>
      }
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} scrollIntoView={!errors.onField} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{
          strategy: rules.strategy,
          rotation: rules.rotation,
          mappings: rules.mappings,
          returnAfterDays: rules.returnAfterDays,
          claimLimit: rules.claimLimit,
          cooldownDays: rules.cooldownDays,
        }}
        onFinish={onFinish}
      >
        {isTeam && (
          <Flex gap={16} wrap>
            <Form.Item name="strategy" label={t('leads.rules.strategy')} style={{ minWidth: 220, flex: 1 }}>
              <Select
                data-testid="rules-strategy"
                options={(['roundRobin', 'region', 'source'] as const).map((s) => ({
                  value: s,
                  label: t(`leads.rules.strategies.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="rotation"
              label={t('leads.rules.rotation')}
              extra={t('leads.rules.rotationHelp')}
              style={{ minWidth: 220, flex: 2 }}
            >
              <Select mode="multiple" allowClear options={memberOptions} data-testid="rules-rotation" />
            </Form.Item>
          </Flex>
        )}
        {isTeam && strategy !== 'roundRobin' && (
          <Form.List name="mappings">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8} style={{ marginBottom: 16 }}>
                <Typography.Text>{t('leads.rules.mappings')}</Typography.Text>
                {fields.map((field) => (
                  <Flex key={field.key} gap={8} wrap align="flex-start">
                    <Form.Item
                      name={[field.name, 'match']}
                      rules={[{ required: true }]}
                      style={{ margin: 0, flex: 1, minWidth: 120 }}
                    >
                      <Input placeholder={t('leads.rules.match')} />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'userId']}
                      rules={[{ required: true }]}
                      style={{ margin: 0, flex: 1, minWidth: 140 }}
                    >
                      <Select placeholder={t('leads.rules.rep')} options={memberOptions} />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(field.name)}
                    />
                  </Flex>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add()} style={{ alignSelf: 'flex-start' }}>
                  {t('leads.rules.addMapping')}
                </Button>
              </Flex>
            )}
          </Form.List>
        )}
        <Flex gap={16} wrap>
          <Form.Item name="returnAfterDays" label={t('leads.rules.returnAfterDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={365} data-testid="rules-return-days" />
          </Form.Item>
          <Form.Item name="claimLimit" label={t('leads.rules.claimLimit')} rules={[{ required: true }]}>
            <InputNumber min={1} max={1000} data-testid="rules-claim-limit" />
          </Form.Item>
          <Form.Item name="cooldownDays" label={t('leads.rules.cooldownDays')} rules={[{ required: true }]}>
            <InputNumber min={0} max={365} data-testid="rules-cooldown" />
          </Form.Item>
        </Flex>
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-lead-rules">
          {t('leads.rules.save')}
        </Button>
      </Form>
    </Card>
  );
}
