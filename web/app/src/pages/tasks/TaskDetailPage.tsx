import { CheckOutlined, DeleteOutlined, EditOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useCompleteTask, useDeleteTask, useTask, useUpdateTask } from '../../api/work';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TimeStamp } from '../../components/TimeStamp';
import { useIsPhone } from '../../layout/useIsPhone';
import { TaskFormModal } from './TaskFormModal';
import { DueAt, PRIORITY_COLORS, relatedPath } from './TaskList';

/** One task (what a notification links to): its details, and complete / reopen, edit, delete. */
export function TaskDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const phone = useIsPhone();
  const navigate = useNavigate();
  const task = useTask(id);
  const complete = useCompleteTask();
  const update = useUpdateTask();
  const remove = useDeleteTask();
  const [editing, setEditing] = useState(false);

  if (!task.isSuccess) return <QueryState query={task} />;
  const tk = task.data;
  const writable = can('tasks:write');

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={<span data-testid="task-heading">{tk.title}</span>}
        back={{ to: '/tasks', label: t('work.tasks.title') }}
        extra={
          writable && (
            <>
              {tk.status === 'open' ? (
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  data-testid="task-complete-button"
                  loading={complete.isPending}
                  onClick={async () => {
                    await complete.mutateAsync(tk);
                    message.success(t('work.tasks.completed', { title: tk.title }));
                  }}
                >
                  {t('work.tasks.complete')}
                </Button>
              ) : (
                <Button icon={<UndoOutlined />} onClick={() => update.mutate({ task: tk, patch: { status: 'open' } })}>
                  {t('work.tasks.reopen')}
                </Button>
              )}
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="task-edit">
                {t('common.edit')}
              </Button>
              <Popconfirm
                title={t('work.tasks.confirmDelete')}
                onConfirm={async () => {
                  await remove.mutateAsync(tk);
                  message.success(t('work.tasks.deleted'));
                  navigate('/tasks');
                }}
              >
                <Button danger icon={<DeleteOutlined />}>
                  {t('common.delete')}
                </Button>
              </Popconfirm>
            </>
          )
        }
      />
      <Card>
        <Descriptions column={phone ? 1 : 2} size="small">
          <Descriptions.Item label={t('work.tasks.fields.status')}>
            <Tag
              data-testid="task-status"
              color={tk.status === 'done' ? 'green' : tk.status === 'open' ? 'blue' : undefined}
            >
              {t(`work.tasks.statuses.${tk.status}`)}
            </Tag>
            {tk.completedAt && <TimeStamp value={tk.completedAt} showAbsolute={false} />}
          </Descriptions.Item>
          <Descriptions.Item label={t('work.tasks.fields.dueAt')}>
            <DueAt task={tk} />
          </Descriptions.Item>
          <Descriptions.Item label={t('work.tasks.fields.priority')}>
            <Tag color={PRIORITY_COLORS[tk.priority]}>{t(`work.tasks.priorities.${tk.priority}`)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('work.tasks.fields.assignee')}>
            {tk.assigneeName}
            {tk.creatorId !== tk.assigneeId && (
              <Typography.Text type="secondary">
                {' '}
                ({t('work.tasks.assignedBy', { name: tk.creatorName })})
              </Typography.Text>
            )}
          </Descriptions.Item>
          {tk.related && (
            <Descriptions.Item label={t('work.tasks.fields.related')}>
              <Link to={relatedPath(tk.related)}>{tk.related.name}</Link>
            </Descriptions.Item>
          )}
          {tk.description && (
            <Descriptions.Item label={t('work.tasks.fields.description')} span={2}>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {tk.description}
              </Typography.Paragraph>
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {editing && <TaskFormModal task={tk} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
