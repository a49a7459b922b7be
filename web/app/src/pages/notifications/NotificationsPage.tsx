import { Button, Card, Flex, List, Select, Skeleton, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import {
  type Notification,
  useMarkAllRead,
  useMarkRead,
  useNotificationPreferences,
  useNotifications,
  useSaveNotificationPreferences,
} from '../../api/notifications';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TimeStamp } from '../../components/TimeStamp';
import { useNotificationTitle } from '../../layout/NotificationBell';

/** All of one's notifications, and which of them also come by e-mail (and in which language). */
export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications(50);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const prefs = useNotificationPreferences();
  const save = useSaveNotificationPreferences();
  const title = useNotificationTitle();

  const open = async (n: Notification) => {
    if (!n.readAt) await markRead.mutateAsync(n.id);
    navigate(n.link.replace(/^\/app/, '') || '/');
  };

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('contracts.notifications.title')}
        extra={
          <Button disabled={!list.data?.unread} loading={markAll.isPending} onClick={() => markAll.mutate()}>
            {t('contracts.notifications.readAll')}
          </Button>
        }
      />
      <QueryState query={list}>
        {(data) => (
          <Card size="small">
            <List
              dataSource={data.items}
              locale={{ emptyText: t('contracts.notifications.empty') }}
              renderItem={(n) => (
                <List.Item
                  style={{ cursor: 'pointer', fontWeight: n.readAt ? 'normal' : 600 }}
                  onClick={() => open(n)}
                  data-testid="notification-row"
                >
                  <Flex vertical>
                    <span>{title(n)}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      <TimeStamp value={n.at} />
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
        )}
      </QueryState>
      <Card size="small" title={t('contracts.notifications.preferences')} data-testid="notification-preferences">
        {prefs.data ? (
          <Flex vertical gap={12}>
            {Object.entries(prefs.data.email).map(([kind, on]) => (
              <Flex key={kind} justify="space-between" align="center" gap={12}>
                <span>{t(`contracts.notifications.kindNames.${kind.replace('.', '_')}`, { defaultValue: kind })}</span>
                <Switch
                  checked={on}
                  data-testid={`email-pref-${kind}`}
                  loading={save.isPending}
                  onChange={(next) => save.mutate({ email: { [kind]: next } })}
                />
              </Flex>
            ))}
            <Flex justify="space-between" align="center" gap={12}>
              <span>{t('contracts.notifications.language')}</span>
              <Select
                value={prefs.data.language}
                style={{ width: 140 }}
                onChange={(language) => save.mutate({ language })}
                options={[
                  { value: 'en', label: 'English' },
                  { value: 'zh-CN', label: '简体中文' },
                ]}
              />
            </Flex>
          </Flex>
        ) : (
          <Skeleton active paragraph={{ rows: 3 }} />
        )}
      </Card>
    </Flex>
  );
}
