import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BusinessCalendar, useBusinessCalendars } from '../../api/service';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { CalendarEditorModal } from './CalendarEditorModal';
import { hoursSummary } from './calendar-form';

/** /app/settings/business-calendars: the open hours SLA clocks run in (admins edit, agents read). */
export function BusinessCalendarsPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const mayEdit = can('serviceSettings:manage');
  const [editing, setEditing] = useState<BusinessCalendar | 'new' | null>(null);
  const calendars = useBusinessCalendars();

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('calendars.title')}
        subTitle={<Typography.Text type="secondary">{t('calendars.intro')}</Typography.Text>}
        extra={
          mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-calendar" onClick={() => setEditing('new')}>
              {t('calendars.new')}
            </Button>
          )
        }
      />
      <Card size="small">
        {calendars.isSuccess && calendars.data.length > 0 ? (
          <List<BusinessCalendar>
            dataSource={calendars.data}
            rowKey="id"
            renderItem={(calendar) => (
              <List.Item
                data-testid="calendar-row"
                data-calendar-name={calendar.name}
                actions={
                  mayEdit
                    ? [
                        <Button
                          key="edit"
                          size="small"
                          icon={<EditOutlined />}
                          data-testid="edit-calendar"
                          onClick={() => setEditing(calendar)}
                        >
                          {t('common.edit')}
                        </Button>,
                      ]
                    : []
                }
              >
                <List.Item.Meta
                  title={calendar.name}
                  description={
                    <Flex gap={8} wrap align="center">
                      <Tag>{calendar.timeZone}</Tag>
                      <Typography.Text>{hoursSummary(calendar.hours, t)}</Typography.Text>
                      <Typography.Text type="secondary">
                        {calendar.holidays.length
                          ? t('calendars.holidayCount', { count: calendar.holidays.length })
                          : t('calendars.noHolidays')}
                      </Typography.Text>
                      {calendar.workdays?.length ? (
                        <Typography.Text type="secondary">
                          {t('calendars.workdayCount', { count: calendar.workdays.length })}
                        </Typography.Text>
                      ) : null}
                    </Flex>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <QueryState query={calendars} rows={3} isEmpty={(data) => !data.length} empty={t('calendars.empty')} />
        )}
      </Card>
      {editing && (
        <CalendarEditorModal calendar={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />
      )}
    </Flex>
  );
}
