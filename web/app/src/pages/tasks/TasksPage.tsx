import { PlusOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { type TaskView, useTasks } from '../../api/work';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

const VIEWS: TaskView[] = ['today', 'overdue', 'upcoming', 'open', 'done'];

/** My tasks: today, overdue, upcoming (in my time zone), all open, done; the view is in the URL. */
export function TasksPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [params, setParams] = useSearchParams();
  const view = (VIEWS as string[]).includes(params.get('view') ?? '') ? (params.get('view') as TaskView) : 'today';
  const [creating, setCreating] = useState(false);
  const tasks = useTasks({ view });
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('work.tasks.title')}
        extra={
          can('tasks:write') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-task" onClick={() => setCreating(true)}>
              {t('work.tasks.new')}
            </Button>
          )
        }
      />
      <div style={{ overflowX: 'auto' }}>
        <Segmented<TaskView>
          data-testid="task-views"
          value={view}
          onChange={(next) => setParams({ view: next }, { replace: true })}
          options={VIEWS.map((v) => ({
            value: v,
            label: <span data-testid={`task-view-${v}`}>{t(`work.tasks.views.${v}`)}</span>,
          }))}
        />
      </div>
      <QueryState query={tasks} rows={4}>
        {(_data) => (
          <>
            <TaskList tasks={items} empty={t(`work.tasks.empty.${view}`)} />
            {tasks.hasNextPage && (
              <Button block loading={tasks.isFetchingNextPage} onClick={() => tasks.fetchNextPage()}>
                {t('common.loadMore')}
              </Button>
            )}
          </>
        )}
      </QueryState>
      {creating && <TaskFormModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
