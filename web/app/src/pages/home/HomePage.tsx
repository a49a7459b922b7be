import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Col, Empty, Flex, List, Row, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useHome } from '../../api/work';
import { useAuth } from '../../auth/auth-context';
import { ActivityEntry } from '../../components/activity/ActivityEntry';
import { QueryState } from '../../components/QueryState';
import { TaskFormModal } from '../tasks/TaskFormModal';
import { relatedPath, TaskList } from '../tasks/TaskList';
import { HomeContractsCard } from './HomeContractsCard';
import { HomeDealsCard } from './HomeDealsCard';

/**
 * The personal home page: what needs me today. Tasks overdue and due today first (they are what
 * a rep acts on), then my recent activity, my open deals by stage and contracts ending soon (left
 * out for a role that reads neither). One request (GET /api/dashboard/home); cards stack on a phone.
 */
export function HomePage() {
  const { t } = useTranslation();
  const { name, can } = useAuth();
  const home = useHome();
  const [creating, setCreating] = useState(false);

  if (!home.isSuccess) return <QueryState query={home} rows={8} />;
  const { tasks, recentActivity, deals, contractsExpiring } = home.data;
  const count = (n: number, more: boolean) => (more ? `${n}+` : String(n));

  return (
    <Flex vertical gap={16} data-testid="home">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
          {t('work.home.greeting', { name: name.split(' ')[0] || name })}
        </Typography.Title>
        {can('tasks:write') && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="home-new-task">
            {t('work.tasks.new')}
          </Button>
        )}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            data-testid="home-overdue"
            title={
              <Flex gap={8} align="center">
                {t('work.home.overdue')}
                <Badge
                  count={count(tasks.overdue.length, tasks.overdueMore)}
                  showZero
                  color={tasks.overdue.length ? 'red' : 'gray'}
                />
              </Flex>
            }
            extra={<Link to="/tasks?view=overdue">{t('work.home.allTasks')}</Link>}
          >
            <TaskList tasks={tasks.overdue} empty={t('work.home.noOverdue')} testId="home-overdue-list" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            data-testid="home-today"
            title={
              <Flex gap={8} align="center">
                {t('work.home.today')}
                <Badge
                  count={count(tasks.today.length, tasks.todayMore)}
                  showZero
                  color={tasks.today.length ? 'blue' : 'gray'}
                />
              </Flex>
            }
            extra={<Link to="/tasks?view=today">{t('work.home.allTasks')}</Link>}
          >
            <TaskList tasks={tasks.today} empty={t('work.home.noToday')} testId="home-today-list" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('work.home.recentActivity')} data-testid="home-activity">
            {recentActivity.length ? (
              <List
                size="small"
                dataSource={recentActivity}
                renderItem={(activity) => (
                  <List.Item key={activity.id} style={{ paddingInline: 0 }}>
                    <Link
                      to={relatedPath({ entity: activity.entity, id: activity.entityId, name: activity.entityName })}
                      style={{ color: 'inherit', width: '100%' }}
                    >
                      <ActivityEntry activity={activity} showRecord />
                    </Link>
                  </List.Item>
                )}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.home.noActivity')} />
            )}
          </Card>
        </Col>
        {(deals || contractsExpiring) && (
          <Col xs={24} lg={12}>
            <Flex vertical gap={16}>
              {deals && <HomeDealsCard deals={deals} />}
              {contractsExpiring && <HomeContractsCard contracts={contractsExpiring} />}
            </Flex>
          </Col>
        )}
      </Row>
      {creating && <TaskFormModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
