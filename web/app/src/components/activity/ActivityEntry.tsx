import { CalendarOutlined, FileTextOutlined, MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Activity, ActivityKind } from '../../api/work';
import { useIsPhone } from '../../layout/useIsPhone';
import { TimeStamp } from '../TimeStamp';

/** One icon and colour per kind, the same in a timeline and on the home page. */
export const ACTIVITY_ICONS: Record<ActivityKind, ReactNode> = {
  note: <FileTextOutlined />,
  call: <PhoneOutlined />,
  meeting: <CalendarOutlined />,
  email: <MailOutlined />,
};
export const ACTIVITY_COLORS: Record<ActivityKind, string> = {
  note: 'gold',
  call: 'cyan',
  meeting: 'purple',
  email: 'geekblue',
};

/** An activity as a timeline entry: who, what kind, when, the subject, and its details. */
export function ActivityEntry({ activity, showRecord = false }: { activity: Activity; showRecord?: boolean }) {
  const { t } = useTranslation();
  const phone = useIsPhone();
  return (
    <div data-testid="timeline-activity" data-kind={activity.kind} className="timeline-entry">
      <Flex wrap gap={4} align="baseline">
        <Tag color={ACTIVITY_COLORS[activity.kind]} icon={ACTIVITY_ICONS[activity.kind]} data-testid="activity-kind">
          {t(`work.activity.kinds.${activity.kind}`)}
        </Tag>
        <Typography.Text strong data-testid="activity-subject">
          {activity.subject}
        </Typography.Text>
        {showRecord && (
          <Typography.Text type="secondary">{t('work.activity.on', { name: activity.entityName })}</Typography.Text>
        )}
      </Flex>
      <Flex wrap gap={6} align="baseline" style={{ fontSize: 12 }}>
        <Typography.Text type="secondary">{activity.actor.name}</Typography.Text>
        <Typography.Text type="secondary">
          <TimeStamp value={activity.occurredAt} showAbsolute={!phone} />
        </Typography.Text>
        {activity.durationMinutes !== undefined && (
          <Typography.Text type="secondary">
            · {t('work.activity.minutes', { count: activity.durationMinutes })}
          </Typography.Text>
        )}
        {activity.outcome && (
          <Typography.Text type="secondary">· {t(`work.activity.outcomes.${activity.outcome}`)}</Typography.Text>
        )}
      </Flex>
      {activity.body && (
        <Typography.Paragraph
          className="activity-body"
          ellipsis={{ rows: 3, expandable: 'collapsible' }}
          style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
        >
          {activity.body}
        </Typography.Paragraph>
      )}
    </div>
  );
}
