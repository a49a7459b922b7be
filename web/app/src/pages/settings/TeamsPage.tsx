import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Flex, List, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Team, useDeleteTeam, useTeams } from '../../api/teams';
import { type UserSummary, useUsers } from '../../api/users';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { TeamModal } from './TeamModal';

const rowProps = (team: Team) =>
  ({ 'data-testid': 'team-row', 'data-team-id': team.id, 'data-team-name': team.name }) as HTMLAttributes<HTMLElement>;

/** /app/settings/teams (admins and sysadmins): teams and their members; create, rename, change members, delete. */
export function TeamsPage() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Team | 'new' | null>(null);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('teams.title')}
        subTitle={<Typography.Text type="secondary">{t('teams.intro')}</Typography.Text>}
        extra={
          <Button type="primary" icon={<PlusOutlined />} data-testid="new-team" onClick={() => setEditing('new')}>
            {t('teams.new')}
          </Button>
        }
      />
      <Card size="small">
        <TeamList onEdit={setEditing} />
      </Card>
      {editing && <TeamModal team={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
    </Flex>
  );
}

function TeamList({ onEdit }: { onEdit: (team: Team) => void }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const teams = useTeams();
  // Names of the members; without the staff list, ids are shown rather than nothing.
  const users = useUsers();

  if (!teams.isSuccess || !teams.data.length) {
    return <QueryState query={teams} rows={4} isEmpty={(data) => !data.length} empty={t('teams.empty')} />;
  }

  const byId = new Map<string, UserSummary>((users.data ?? []).map((u) => [u.id, u]));
  const members = (team: Team) =>
    team.memberIds.length ? (
      <Flex gap={4} wrap data-testid="team-members">
        {team.memberIds.map((id) => (
          <Tag key={id} title={byId.get(id)?.email}>
            {byId.get(id)?.name ?? id}
          </Tag>
        ))}
      </Flex>
    ) : (
      <Typography.Text type="secondary" data-testid="team-members">
        {t('teams.noMembers')}
      </Typography.Text>
    );
  const actions = (team: Team) => (
    <Flex gap={8} wrap>
      <Button size="small" icon={<EditOutlined />} data-testid="edit-team" onClick={() => onEdit(team)}>
        {t('common.edit')}
      </Button>
      <DeleteTeamButton team={team} />
    </Flex>
  );

  if (phone) {
    return (
      <List<Team>
        dataSource={teams.data}
        rowKey="id"
        renderItem={(team) => (
          <List.Item {...rowProps(team)}>
            <Flex vertical gap={6} style={{ width: '100%' }}>
              <Typography.Text strong>{team.name}</Typography.Text>
              {members(team)}
              {actions(team)}
            </Flex>
          </List.Item>
        )}
      />
    );
  }

  const columns: TableColumnsType<Team> = [
    { title: t('teams.name'), key: 'name', render: (_, team) => <Typography.Text strong>{team.name}</Typography.Text> },
    { title: t('teams.members'), key: 'members', render: (_, team) => members(team) },
    { title: t('common.actions'), key: 'actions', render: (_, team) => actions(team) },
  ];
  return (
    <Table<Team>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={teams.data}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={rowProps}
    />
  );
}

function DeleteTeamButton({ team }: { team: Team }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteTeam();
  return (
    <Popconfirm
      title={t('teams.deleteConfirm', { name: team.name })}
      description={t('teams.deleteHint')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-delete-team' } as object) }}
      onConfirm={async () => {
        try {
          await remove.mutateAsync(team);
          message.success(t('teams.deleted', { name: team.name }));
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      }}
    >
      <Button size="small" danger icon={<DeleteOutlined />} loading={remove.isPending} data-testid="delete-team">
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}
