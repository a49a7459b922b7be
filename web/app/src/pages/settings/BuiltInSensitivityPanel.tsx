import { LockOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Progress, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BuiltInSetting,
  useBuiltInSettings,
  useReencryptJob,
  useUpdateBuiltInSetting,
} from '../../api/custom-fields';
import type { CustomFieldEntity, Role } from '../../api/types';
import { errorMessage } from '../../components/error-message';
import { QueryState } from '../../components/QueryState';

/** Admins always may; these are the roles an admin can add. */
const CHOOSABLE: Role[] = ['sysadmin', 'manager', 'sales', 'support', 'marketing', 'finance'];

/**
 * Built-in fields an admin can make sensitive (contact phone and address, company address): a
 * switch and the roles that may read them. Saving a change of the switch starts a re-encryption
 * job over the records already stored; its progress shows below until it is done.
 */
export function BuiltInSensitivityPanel({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const settings = useBuiltInSettings(entity);
  const [jobId, setJobId] = useState<string>();

  if (!settings.isSuccess) return <QueryState query={settings} rows={2} />;
  return (
    <Flex vertical gap={12} data-testid="builtin-sensitivity">
      <Typography.Title level={5} style={{ margin: 0 }}>
        <LockOutlined /> {t('customFields.builtIn.title')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('customFields.builtIn.intro')}</Typography.Text>
      {settings.data.map((s) => (
        <BuiltInRow key={`${s.entity}-${s.key}-${s.version}`} setting={s} onJob={setJobId} />
      ))}
      {jobId && <JobProgress key={jobId} id={jobId} />}
    </Flex>
  );
}

function BuiltInRow({ setting, onJob }: { setting: BuiltInSetting; onJob: (id: string) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const update = useUpdateBuiltInSetting();
  const [sensitive, setSensitive] = useState(setting.sensitive);
  const [readRoles, setReadRoles] = useState<Role[]>(setting.readRoles);
  const dirty = sensitive !== setting.sensitive || (sensitive && readRoles.join(',') !== setting.readRoles.join(','));

  const save = async () => {
    try {
      const saved = await update.mutateAsync({ setting, sensitive, readRoles });
      if (saved.job) onJob(saved.job.id);
      message.success(t('common.saved'));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  return (
    <Flex
      gap={12}
      wrap
      align="center"
      data-testid={`builtin-${setting.key}`}
      style={{ borderTop: '1px solid rgba(5,5,5,0.06)', paddingTop: 12 }}
    >
      <Typography.Text strong style={{ minWidth: 90 }}>
        {t(`fields.${setting.key}`)}
      </Typography.Text>
      <Flex gap={8} align="center">
        <Switch checked={sensitive} onChange={setSensitive} data-testid="builtin-sensitive" />
        <span>{t('customFields.sensitive')}</span>
      </Flex>
      {sensitive && (
        <Select<Role[]>
          mode="multiple"
          allowClear
          style={{ flex: '1 1 220px', minWidth: 200 }}
          placeholder={t('customFields.readRoles')}
          value={readRoles}
          onChange={setReadRoles}
          options={CHOOSABLE.map((r) => ({ value: r, label: t(`roles.${r}`) }))}
          data-testid="builtin-read-roles"
        />
      )}
      <Button type="primary" disabled={!dirty} loading={update.isPending} onClick={save} data-testid="builtin-save">
        {t('common.save')}
      </Button>
    </Flex>
  );
}

function JobProgress({ id }: { id: string }) {
  const { t } = useTranslation();
  const job = useReencryptJob(id);
  const [shown, setShown] = useState(true);
  if (!shown || !job.data) return null;
  const done = job.data.status === 'done';
  return (
    <Alert
      type={done ? 'success' : 'info'}
      showIcon
      closable
      onClose={() => setShown(false)}
      data-testid="reencrypt-job"
      data-status={job.data.status}
      message={t(done ? 'customFields.builtIn.jobDone' : 'customFields.builtIn.jobRunning', {
        field: t(`fields.${job.data.field === 'address' ? 'address' : 'phone'}`),
      })}
      description={
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">
            {t('customFields.builtIn.jobProgress', { updated: job.data.updated, scanned: job.data.scanned })}
          </Typography.Text>
          {!done && <Progress percent={99} status="active" showInfo={false} size="small" />}
        </Flex>
      }
    />
  );
}
