import { Alert, Flex, Input, InputNumber, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { zonedInstant } from '../../../../../shared/domain/common/zoned-time';
import { type BusinessCalendar, useDuePreview } from '../../api/service';

/** `2026-12-04T17:30` (wall time in `zone`) → the ISO instant it names. */
function instantOf(local: string, zone: string): string | undefined {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return undefined;
  return zonedInstant(match[1]!, Number(match[2]), Number(match[3]), zone).toISOString();
}

function format(instant: string, zone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    timeZone: zone,
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(new Date(instant));
}

/**
 * "A ticket created Fri 17:30 would be due Mon 10:30": the saved calendar's answer from the API,
 * so the preview is exactly what the SLA clocks compute. Times are the calendar's wall times.
 */
export function DuePreview({ calendar }: { calendar?: BusinessCalendar }) {
  const { t, i18n } = useTranslation();
  const [local, setLocal] = useState('');
  const [minutes, setMinutes] = useState<number | null>(60);
  const from = calendar ? instantOf(local, calendar.timeZone) : undefined;
  const due = useDuePreview(calendar?.id, from, minutes ?? undefined);

  if (!calendar) return <Typography.Text type="secondary">{t('calendars.preview.saveFirst')}</Typography.Text>;
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} wrap align="end">
        <Flex vertical>
          <Typography.Text type="secondary">{t('calendars.preview.from')}</Typography.Text>
          <Input
            type="datetime-local"
            aria-label={t('calendars.preview.from')}
            value={local}
            onChange={(e) => setLocal(e.target.value)}
            data-testid="preview-from"
          />
        </Flex>
        <Flex vertical>
          <Typography.Text type="secondary">{t('calendars.preview.minutes')}</Typography.Text>
          <InputNumber
            aria-label={t('calendars.preview.minutes')}
            min={0}
            max={525600}
            value={minutes}
            onChange={setMinutes}
            data-testid="preview-minutes"
          />
        </Flex>
      </Flex>
      {due.isSuccess && from && (
        <Alert
          type="info"
          showIcon
          data-testid="preview-result"
          title={t('calendars.preview.result', {
            from: format(from, calendar.timeZone, i18n.language),
            due: format(due.data.due, calendar.timeZone, i18n.language),
          })}
        />
      )}
    </Flex>
  );
}
