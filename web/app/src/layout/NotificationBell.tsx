import { BellOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, List, Popover, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { type Notification, useMarkAllRead, useMarkRead, useNotifications } from '../api/notifications';
import { useAuth } from '../auth/auth-context';
import { TimeStamp } from '../components/TimeStamp';

/** The title of a notification in the user's language, from its kind and data. */
export function useNotificationTitle() {
  const { t } = useTranslation();
  return (n: Notification) =>
    t(`contracts.notifications.kinds.${n.kind.replace('.', '_')}`, {
      name: n.entityName,
      actor: n.actorName,
      days: n.data.days ?? '',
      // Plural forms where a kind has them (contract_expiring_one); other kinds ignore it.
      ...(n.data.days ? { count: Number(n.data.days) } : {}),
      endDate: n.data.endDate ?? '',
      defaultValue: `${n.kind}: ${n.entityName}`,
    });
}

/** The header bell: unread badge, the newest notifications, mark read on open, mark all read. */
export function NotificationBell() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useNotifications(10);
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const title = useNotificationTitle();
  if (!can('notifications:read')) return null;
  const unread = list.data?.unread ?? 0;

  const openOne = async (n: Notification) => {
    setOpen(false);
    if (!n.readAt) await markRead.mutateAsync(n.id);
    navigate(n.link.replace(/^\/app/, '') || '/');
  };

  const content = (
    <Flex vertical gap={8} style={{ width: 'min(360px, 85vw)' }} data-testid="notification-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('contracts.notifications.title')}</Typography.Text>
        <Button
          size="small"
          type="link"
          disabled={unread === 0}
          loading={markAll.isPending}
          data-testid="notifications-read-all"
          onClick={() => markAll.mutate()}
        >
          {t('contracts.notifications.readAll')}
        </Button>
      </Flex>
      {list.data?.items.length ? (
        <List
          size="small"
          dataSource={list.data.items}
          renderItem={(n) => (
            <List.Item
              data-testid="notification-item"
              data-unread={n.readAt ? 'false' : 'true'}
              style={{ cursor: 'pointer', fontWeight: n.readAt ? 'normal' : 600 }}
              onClick={() => openOne(n)}
            >
              <Flex vertical gap={2}>
                <span>{title(n)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <TimeStamp value={n.at} />
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('contracts.notifications.empty')} />
      )}
      <Link to="/notifications" onClick={() => setOpen(false)} data-testid="notifications-all-link">
        {t('contracts.notifications.seeAll')}
      </Link>
    </Flex>
  );

  return (
    <Popover content={content} trigger="click" open={open} onOpenChange={setOpen} placement="bottomRight">
      <Badge count={unread} size="small" data-testid="notification-badge">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={t('contracts.notifications.title')}
          data-testid="notification-bell"
        />
      </Badge>
    </Popover>
  );
}
