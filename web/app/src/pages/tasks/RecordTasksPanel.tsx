import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useTasks } from '../../api/work';
import { useAuth } from '../../auth/auth-context';
import { QueryState } from '../../components/QueryState';
import { TaskFormModal } from './TaskFormModal';
import { TaskList } from './TaskList';

type RelatedEntity = 'contact' | 'company' | 'deal' | 'contract';

/**
 * The open tasks about one record (GET /api/tasks?related=<entity>:<id>, its open-task index by
 * due time), each completed with its checkbox, and "Add task" with the record filled in. Shown
 * beside a deal's, a contact's and a company's page; nothing for a role without tasks.
 */
export function RecordTasksPanel({
  entity,
  id,
  readOnly = false,
}: {
  entity: RelatedEntity;
  id: string;
  /** A deleted record takes no new tasks. */
  readOnly?: boolean;
}) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const readable = can('tasks:read');
  const tasks = useTasks({ view: 'open', related: `${entity}:${id}` }, readable);
  const [adding, setAdding] = useState(false);
  if (!readable) return null;
  const items = tasks.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <Card
      size="small"
      data-testid="record-tasks"
      title={
        <Flex gap={8} align="center">
          {t('work.tasks.onRecord')}
          {tasks.isSuccess && (
            <Badge
              count={tasks.hasNextPage ? `${items.length}+` : items.length}
              showZero
              color={items.length ? 'blue' : 'gray'}
              data-testid="record-tasks-count"
            />
          )}
        </Flex>
      }
      extra={
        can('tasks:write') &&
        !readOnly && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="record-task-add">
            {t('work.tasks.newOnRecord')}
          </Button>
        )
      }
    >
      <QueryState query={tasks} rows={2}>
        {(_data) => (
          <>
            <TaskList
              tasks={items}
              empty={t('work.tasks.noneOnRecord')}
              testId="record-task-list"
              showRelated={false}
            />
            {tasks.hasNextPage && (
              <Button
                block
                size="small"
                loading={tasks.isFetchingNextPage}
                onClick={() => tasks.fetchNextPage()}
                style={{ marginTop: 8 }}
              >
                {t('work.tasks.moreOnRecord')}
              </Button>
            )}
          </>
        )}
      </QueryState>
      {adding && <TaskFormModal related={{ entity, id }} onClose={() => setAdding(false)} />}
    </Card>
  );
}
