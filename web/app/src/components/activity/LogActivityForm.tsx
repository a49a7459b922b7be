import { Button, DatePicker, Flex, Form, Input, InputNumber, Segmented, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ActivityKind, useLogActivity } from '../../api/work';
import { SaveErrorAlert } from '../SaveErrorAlert';
import { useSaveErrors } from '../useSaveErrors';
import { ACTIVITY_ICONS } from './ActivityEntry';

const KINDS: ActivityKind[] = ['call', 'meeting', 'email', 'note'];
const OUTCOMES: Record<ActivityKind, string[]> = {
  call: ['connected', 'left_voicemail', 'no_answer'],
  meeting: ['completed', 'rescheduled', 'no_show'],
  email: ['sent', 'replied'],
  note: [],
};

interface Values {
  subject?: string;
  body?: string;
  occurredAt?: Dayjs;
  durationMinutes?: number | null;
  outcome?: string;
}

/**
 * "Log activity" on a record's timeline: pick the kind, write a subject (and details); calls and
 * meetings take a duration; the time defaults to now. Collapsed to one button until used.
 */
export function LogActivityForm({
  entity,
  entityId,
  timelineKey,
}: {
  entity: 'contact' | 'company' | 'deal';
  entityId: string;
  timelineKey: readonly unknown[];
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [kind, setKind] = useState<ActivityKind>('call');
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const log = useLogActivity(timelineKey);

  if (!open) {
    return (
      <Button data-testid="log-activity" icon={ACTIVITY_ICONS.call} onClick={() => setOpen(true)}>
        {t('work.activity.log')}
      </Button>
    );
  }

  const save = async (values: Values) => {
    errors.reset();
    try {
      await log.mutateAsync({
        kind,
        entity,
        entityId,
        subject: values.subject?.trim() ?? '',
        ...(values.body?.trim() ? { body: values.body.trim() } : {}),
        ...(values.occurredAt ? { occurredAt: values.occurredAt.toISOString() } : {}),
        ...(values.durationMinutes != null && (kind === 'call' || kind === 'meeting')
          ? { durationMinutes: values.durationMinutes }
          : {}),
        ...(values.outcome ? { outcome: values.outcome as never } : {}),
      });
      form.resetFields();
      setOpen(false);
    } catch (error) {
      errors.fail(error, 'subject');
    }
  };

  const timed = kind === 'call' || kind === 'meeting';
  return (
    <div className="log-activity" data-testid="log-activity-form">
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Segmented<ActivityKind>
        block
        value={kind}
        onChange={(value) => {
          setKind(value);
          form.setFieldValue('outcome', undefined);
        }}
        options={KINDS.map((k) => ({
          value: k,
          icon: ACTIVITY_ICONS[k],
          label: <span data-testid={`activity-kind-${k}`}>{t(`work.activity.kinds.${k}`)}</span>,
        }))}
        style={{ marginBottom: 12 }}
      />
      <Form<Values> form={form} layout="vertical" onFinish={save} initialValues={{ occurredAt: dayjs() }}>
        <Form.Item
          name="subject"
          label={t('work.activity.fields.subject')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input data-testid="activity-subject-input" maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item name="body" label={t('work.activity.fields.body')} rules={[{ max: 10_000 }]}>
          <Input.TextArea data-testid="activity-body-input" autoSize={{ minRows: 2, maxRows: 8 }} />
        </Form.Item>
        <Flex gap={12} wrap>
          <Form.Item name="occurredAt" label={t('work.activity.fields.occurredAt')} style={{ minWidth: 200 }}>
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" allowClear={false} />
          </Form.Item>
          {timed && (
            <Form.Item name="durationMinutes" label={t('work.activity.fields.durationMinutes')}>
              <InputNumber data-testid="activity-duration-input" min={0} max={1440} style={{ width: 140 }} />
            </Form.Item>
          )}
          {OUTCOMES[kind].length > 0 && (
            <Form.Item name="outcome" label={t('work.activity.fields.outcome')} style={{ minWidth: 180 }}>
              <Select
                allowClear
                data-testid="activity-outcome-input"
                options={OUTCOMES[kind].map((o) => ({
                  value: o,
                  label: t(`work.activity.outcomes.${o}` as 'work.activity.outcomes.sent'),
                }))}
              />
            </Form.Item>
          )}
        </Flex>
        <Flex gap={8} justify="flex-end">
          <Button onClick={() => setOpen(false)} data-testid="log-activity-cancel">
            {t('common.cancel')}
          </Button>
          <Button type="primary" htmlType="submit" loading={log.isPending} data-testid="log-activity-save">
            {t('work.activity.log')}
          </Button>
        </Flex>
      </Form>
    </div>
  );
}
