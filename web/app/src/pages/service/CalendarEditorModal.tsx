import { Checkbox, Divider, Flex, Form, Input, Select } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { WEEKDAYS } from '../../../../../shared/domain/service/business-time';
import { type BusinessCalendar, useCreateCalendar, useUpdateCalendar } from '../../api/service';
import { EditorModal } from '../../components/EditorModal';
import { ListEditor } from '../../components/ListEditor';
import { useSaveErrors } from '../../components/useSaveErrors';
import { type CalendarValues, initialValues, timeZoneOptions, toRequest } from './calendar-form';
import { DuePreview } from './DuePreview';

/** Create a business calendar, or change one: weekly windows, holidays, and the due preview. */
export function CalendarEditorModal({ calendar, onClose }: { calendar?: BusinessCalendar; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<CalendarValues>();
  const errors = useSaveErrors(form);
  const create = useCreateCalendar();
  const update = useUpdateCalendar();
  const zones = useMemo(timeZoneOptions, []);
  const days = WEEKDAYS.map((day) => ({ value: day, label: t(`calendars.days.${day}`) }));

  const save = async (values: CalendarValues) => {
    const body = toRequest(values);
    if (calendar) await update.mutateAsync({ calendar, patch: body });
    else await create.mutateAsync(body);
    return t(calendar ? 'calendars.saved' : 'calendars.created', { name: body.name });
  };

  return (
    <EditorModal<CalendarValues>
      form={form}
      name="calendar"
      width={720}
      title={calendar ? t('calendars.edit') : t('calendars.new')}
      okText={t('calendars.save')}
      initialValues={initialValues(calendar)}
      errors={errors}
      saving={create.isPending || update.isPending}
      onSave={save}
      onClose={onClose}
      after={
        <>
          <Divider titlePlacement="start">{t('calendars.preview.title')}</Divider>
          <DuePreview calendar={calendar} />
        </>
      }
    >
      <Flex gap={12} wrap>
        <Form.Item
          name="name"
          label={t('calendars.name')}
          style={{ flex: '1 1 240px' }}
          rules={[{ required: true, whitespace: true, message: t('form.required') }]}
        >
          <Input maxLength={80} data-testid="field-calendar-name" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('calendars.timeZone')} style={{ flex: '1 1 240px' }}>
          <Select showSearch options={zones} data-testid="field-calendar-zone" />
        </Form.Item>
      </Flex>
      <Divider titlePlacement="start">{t('calendars.hours')}</Divider>
      <ListEditor
        name="hours"
        rowTestId="calendar-window"
        addLabel={t('calendars.addWindow')}
        removeLabel={t('calendars.remove')}
        newRow={() => ({ day: 'sat', from: '09:00', to: '12:00' })}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'day']} style={{ width: 110, marginBottom: 8 }}>
              <Select options={days} aria-label={t('calendars.day')} />
            </Form.Item>
            <Form.Item name={[field.name, 'from']} style={{ width: 110, marginBottom: 8 }}>
              <Input placeholder="09:00" aria-label={t('calendars.from')} data-testid="window-from" />
            </Form.Item>
            <Form.Item name={[field.name, 'to']} style={{ width: 110, marginBottom: 8 }}>
              <Input placeholder="18:00" aria-label={t('calendars.to')} data-testid="window-to" />
            </Form.Item>
          </>
        )}
      </ListEditor>
      <Divider titlePlacement="start">{t('calendars.holidays')}</Divider>
      <ListEditor
        name="holidays"
        rowTestId="calendar-holiday"
        addLabel={t('calendars.addHoliday')}
        removeLabel={t('calendars.remove')}
        newRow={() => ({ date: '', name: '', yearly: false })}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'date']} style={{ width: 140, marginBottom: 8 }}>
              <Input placeholder="2026-10-01" aria-label={t('calendars.date')} data-testid="holiday-date" />
            </Form.Item>
            <Form.Item name={[field.name, 'name']} style={{ flex: '1 1 160px', marginBottom: 8 }}>
              <Input aria-label={t('calendars.holidayName')} data-testid="holiday-name" />
            </Form.Item>
            <Form.Item name={[field.name, 'yearly']} valuePropName="checked" style={{ marginBottom: 8 }}>
              <Checkbox>{t('calendars.yearly')}</Checkbox>
            </Form.Item>
          </>
        )}
      </ListEditor>
      <Divider titlePlacement="start">{t('calendars.workdays')}</Divider>
      <ListEditor
        name="workdays"
        rowTestId="calendar-workday"
        addLabel={t('calendars.addWorkday')}
        removeLabel={t('calendars.remove')}
        newRow={() => ({ date: '', from: '09:00', to: '18:00' })}
      >
        {(field) => (
          <>
            <Form.Item name={[field.name, 'date']} style={{ width: 140, marginBottom: 8 }}>
              <Input placeholder="2026-10-10" aria-label={t('calendars.date')} data-testid="workday-date" />
            </Form.Item>
            <Form.Item name={[field.name, 'from']} style={{ width: 110, marginBottom: 8 }}>
              <Input placeholder="09:00" aria-label={t('calendars.from')} data-testid="workday-from" />
            </Form.Item>
            <Form.Item name={[field.name, 'to']} style={{ width: 110, marginBottom: 8 }}>
              <Input placeholder="18:00" aria-label={t('calendars.to')} data-testid="workday-to" />
            </Form.Item>
          </>
        )}
      </ListEditor>
    </EditorModal>
  );
}
