import { Checkbox, Empty, Flex, List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { type Task, type TaskPriority, useCompleteTask, useUpdateTask } from '../../api/work';
import { useIsPhone } from '../../layout/useIsPhone';

export const PRIORITY_COLORS: Record<TaskPriority, string | undefined> = {
  low: undefined,
  normal: 'blue',
  high: 'orange',
  urgent: 'red',
};

const RELATED_PATHS: Record<string, string> = {
  contact: '/contacts',
  company: '/companies',
  deal: '/deals',
  contract: '/contracts',
};

export function relatedPath(related: NonNullable<Task['related']>): string {
  return `${RELATED_PATHS[related.entity] ?? ''}/${encodeURIComponent(related.id)}`;
}

/** Due time as people read it: today's as a time, others as a date and time; red once it has passed. */
export function DueAt({ task }: { task: Task }) {
  const { t } = useTranslation();
  const due = dayjs(task.dueAt);
  const late = task.status === 'open' && due.isBefore(dayjs());
  const sameDay = due.isSame(dayjs(), 'day');
  return (
    <Typography.Text type={late ? 'danger' : 'secondary'} data-testid="task-due" style={{ fontSize: 12 }}>
      <time dateTime={task.dueAt}>{sameDay ? due.format('LT') : due.format('ll LT')}</time>
      {late && ` · ${t('work.tasks.late')}`}
    </Typography.Text>
  );
}

/**
 * Tasks as a list that works on a phone: a checkbox completes (or reopens) a task, the title
 * opens it; due time, priority and the record it is about beside it.
 */
export function TaskList({
  tasks,
  empty,
  testId = 'task-list',
  showRelated = true,
}: {
  tasks: Task[];
  empty: string;
  testId?: string;
  /** Off on a record's own page, where every task is about that record. */
  showRelated?: boolean;
}) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const complete = useCompleteTask();
  const update = useUpdateTask();
  if (!tasks.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} data-testid={`${testId}-empty`} />;
  return (
    <List
      data-testid={testId}
      size="small"
      dataSource={tasks}
      renderItem={(task) => (
        <List.Item key={task.id} data-testid="task-row" data-task-id={task.id} style={{ paddingInline: 0 }}>
          <Flex gap={10} align="flex-start" style={{ width: '100%', minWidth: 0 }}>
            <Checkbox
              aria-label={t('work.tasks.complete')}
              data-testid="task-complete"
              checked={task.status === 'done'}
              disabled={task.status === 'cancelled' || complete.isPending || update.isPending}
              onChange={(e) =>
                e.target.checked ? complete.mutate(task) : update.mutate({ task, patch: { status: 'open' } })
              }
              style={{ marginTop: 2 }}
            />
            <Flex vertical style={{ minWidth: 0, flex: 1 }}>
              <Link
                to={`/tasks/${encodeURIComponent(task.id)}`}
                data-testid="task-title"
                style={{ textDecoration: task.status === 'done' ? 'line-through' : undefined, wordBreak: 'break-word' }}
              >
                {task.title}
              </Link>
              <Flex gap={6} wrap align="center">
                <DueAt task={task} />
                {task.priority !== 'normal' && (
                  <Tag color={PRIORITY_COLORS[task.priority]} style={{ marginInlineEnd: 0 }}>
                    {t(`work.tasks.priorities.${task.priority}`)}
                  </Tag>
                )}
                {showRelated && task.related && (
                  <Link
                    to={relatedPath(task.related)}
                    style={{ fontSize: 12, maxWidth: phone ? 180 : 320 }}
                    className="ellipsis"
                  >
                    {task.related.name}
                  </Link>
                )}
              </Flex>
            </Flex>
          </Flex>
        </List.Item>
      )}
    />
  );
}
