import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Popconfirm, Select, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../../shared/auth/roles';
import { useTeams } from '../../api/teams';
import { type UserStatus, type UserSummary, useUpdateUser, useUsers } from '../../api/users';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TimeStamp } from '../../components/TimeStamp';
import { useIsPhone } from '../../layout/useIsPhone';
import { InviteUserModal, useAssignableRoles } from './InviteUserModal';

const STATUS_COLOR: Record<UserStatus, string> = { active: 'green', invited: 'blue', disabled: 'default' };
const rowProps = (u: UserSummary) =>
  ({ 'data-testid': 'user-row', 'data-user-id': u.id, 'data-email': u.email }) as HTMLAttributes<HTMLElement>;

/** /app/settings/users (admins and sysadmins): who can sign in, with which role; invite, change, disable. */
export function UsersPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [inviting, setInviting] = useState(false);
  const manage = can('users:manage');

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('users.title')}
        subTitle={<Typography.Text type="secondary">{t('users.intro')}</Typography.Text>}
        extra={
          manage ? (
            <Button type="primary" icon={<PlusOutlined />} data-testid="invite-user" onClick={() => setInviting(true)}>
              {t('users.invite')}
            </Button>
          ) : undefined
        }
      />
      <Card size="small">
        <UserList manage={manage} />
      </Card>
      {inviting && <InviteUserModal onClose={() => setInviting(false)} />}
    </Flex>
  );
}

function UserList({ manage }: { manage: boolean }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const users = useUsers();
  // Team names for the Teams column; until they arrive (or if they cannot), the ids are shown.
  const teamList = useTeams();

  if (!users.isSuccess || !users.data.length) {
    return <QueryState query={users} rows={6} isEmpty={(data) => !data.length} empty={t('users.empty')} />;
  }

  const status = (u: UserSummary) => <Tag color={STATUS_COLOR[u.status]}>{t(`users.statuses.${u.status}`)}</Tag>;
  const teamNames = new Map((teamList.data ?? []).map((team) => [team.id, team.name]));
  const teams = (u: UserSummary) =>
    u.teamIds.length ? (
      <Flex gap={4} wrap data-testid="user-teams">
        {u.teamIds.map((id) => (
          <Tag key={id}>{teamNames.get(id) ?? id}</Tag>
        ))}
      </Flex>
    ) : (
      '—'
    );
  const mfa = (u: UserSummary) =>
    u.mfa === 'totp' ? (
      <Tag color="blue" data-testid="user-mfa">
        {t('account.mfaOn')}
      </Tag>
    ) : (
      '—'
    );
  const lastSignIn = (u: UserSummary) =>
    u.lastSignInAt ? <TimeStamp value={u.lastSignInAt} showAbsolute={false} /> : t('users.never');

  if (phone) {
    return (
      <List<UserSummary>
        dataSource={users.data}
        rowKey="id"
        renderItem={(u) => (
          <List.Item {...rowProps(u)}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text strong>{u.name}</Typography.Text>
                <Flex gap={4}>
                  {u.mfa === 'totp' && mfa(u)}
                  {status(u)}
                </Flex>
              </Flex>
              <Typography.Text type="secondary" style={{ overflowWrap: 'anywhere' }}>
                {u.email}
              </Typography.Text>
              {u.teamIds.length > 0 && teams(u)}
              <Typography.Text type="secondary">
                {t('users.lastSignIn')}: {lastSignIn(u)}
              </Typography.Text>
              <UserActions user={u} manage={manage} />
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<UserSummary> = [
    { title: t('users.name'), key: 'name', render: (_, u) => <Typography.Text strong>{u.name}</Typography.Text> },
    { title: t('users.email'), key: 'email', render: (_, u) => u.email },
    {
      title: t('users.role'),
      key: 'role',
      render: (_, u) => (manage ? <RoleSelect user={u} /> : u.role ? t(`roles.${u.role}`) : t('roles.none')),
    },
    { title: t('users.teams'), key: 'teams', render: (_, u) => teams(u) },
    { title: t('users.status'), key: 'status', render: (_, u) => status(u) },
    { title: t('account.mfaColumn'), key: 'mfa', render: (_, u) => mfa(u) },
    { title: t('users.lastSignIn'), key: 'lastSignIn', render: (_, u) => lastSignIn(u) },
  ];
  if (manage) {
    columns.push({ title: t('common.actions'), key: 'actions', render: (_, u) => <StatusButton user={u} /> });
  }
  return (
    <Table<UserSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={users.data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={rowProps}
    />
  );
}

function UserActions({ user, manage }: { user: UserSummary; manage: boolean }): ReactNode {
  const { t } = useTranslation();
  if (!manage) return <Typography.Text>{user.role ? t(`roles.${user.role}`) : t('roles.none')}</Typography.Text>;
  return (
    <Flex gap={8} wrap>
      <RoleSelect user={user} />
      <StatusButton user={user} />
    </Flex>
  );
}

/** The role, changed in place; a refusal (last admin, stale version) is shown and the list reloaded. */
function RoleSelect({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useAuth();
  const update = useUpdateUser();
  const assignable = useAssignableRoles();
  // Only an admin may take the admin role away, so a sysadmin sees it as fixed.
  const locked = user.role === 'admin' && !roles.includes('admin');
  const options = (user.role && !assignable.includes(user.role) ? [user.role, ...assignable] : assignable).map(
    (value) => ({ value, label: t(`roles.${value}`) }),
  );
  return (
    <Select<Role>
      data-testid="user-role-select"
      aria-label={t('users.role')}
      value={user.role}
      disabled={locked || update.isPending}
      loading={update.isPending}
      style={{ minWidth: 170 }}
      options={options}
      onChange={async (role) => {
        try {
          await update.mutateAsync({ user, patch: { role } });
          message.success(t('users.roleChanged', { name: user.name, role: t(`roles.${role}`) }));
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      }}
    />
  );
}

function StatusButton({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { user: me } = useAuth();
  const update = useUpdateUser();
  const disabled = user.status === 'disabled';
  const isMe = me?.profile.sub === user.id;
  const next: 'active' | 'disabled' = disabled ? 'active' : 'disabled';
  return (
    <Popconfirm
      title={t(disabled ? 'users.enableConfirm' : 'users.disableConfirm', { name: user.name })}
      description={disabled ? undefined : t('users.disableHint')}
      okText={t(disabled ? 'users.enable' : 'users.disable')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: !disabled, ...({ 'data-testid': 'confirm-status' } as object) }}
      onConfirm={async () => {
        try {
          await update.mutateAsync({ user, patch: { status: next } });
          message.success(t(disabled ? 'users.enabled' : 'users.disabled', { name: user.name }));
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      }}
    >
      <Button
        size="small"
        danger={!disabled}
        disabled={isMe && !disabled}
        loading={update.isPending}
        data-testid={disabled ? 'user-enable' : 'user-disable'}
      >
        {t(disabled ? 'users.enable' : 'users.disable')}
      </Button>
    </Popconfirm>
  );
}
