import { App, DatePicker, Form, Input, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type Task, type TaskPriority, useCreateTask, useUpdateTask } from '../../api/work';
import { useAuth } from '../../auth/auth-context';
import { OwnerSelect } from '../../components/OwnerSelect';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

const PRIORITIES: TaskPriority[] = ['low', 'normal', 'high', 'urgent'];

interface Values {
  title?: string;
  description?: string;
  dueAt?: Dayjs;
  priority?: TaskPriority;
  assigneeId?: string;
}

/** The next round hour, or 17:00 today: when a new task is due unless the user says otherwise. */
function defaultDue(): Dayjs {
  const fivePm = dayjs().hour(17).minute(0).second(0).millisecond(0);
  return fivePm.isAfter(dayjs()) ? fivePm : dayjs().add(1, 'hour').startOf('hour');
}

/**
 * Create a task (optionally about a record), or edit one. Managers and admins pick an assignee;
 * everyone else's tasks are their own (the API refuses otherwise).
 */
export function TaskFormModal({
  task,
  related,
  onClose,
}: {
  task?: Task;
  related?: { entity: 'contact' | 'company' | 'deal' | 'contract'; id: string };
  onClose: (saved?: Task) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { roles } = useAuth();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const create = useCreateTask();
  const update = useUpdateTask();
  const assigns = roles.includes('admin') || roles.includes('manager');

  const save = async (values: Values) => {
    errors.reset();
    const body = {
      title: values.title?.trim() ?? '',
      dueAt: (values.dueAt ?? defaultDue()).toISOString(),
      priority: values.priority ?? 'normal',
      ...(values.assigneeId ? { assigneeId: values.assigneeId } : {}),
    };
    const description = values.description?.trim();
    try {
      if (task) {
        const saved = await update.mutateAsync({ task, patch: { ...body, description: description || null } });
        message.success(t('work.tasks.saved'));
        onClose(saved);
      } else {
        const saved = await create.mutateAsync({
          ...body,
          ...(description ? { description } : {}),
          ...(related ? { related } : {}),
        });
        message.success(t('work.tasks.created', { title: saved.title }));
        onClose(saved);
      }
    } catch (error) {
      errors.fail(error, 'title');
    }
  };

  return (
    <Modal
      open
      title={task ? t('work.tasks.edit') : t('work.tasks.new')}
      okText={t('work.tasks.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...({ 'data-testid': 'task-save' } as object) }}
      onOk={() => form.submit()}
      onCancel={() => onClose()}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Form<Values>
        form={form}
        name="task"
        layout="vertical"
        onFinish={save}
        initialValues={{
          title: task?.title ?? '',
          description: task?.description ?? '',
          dueAt: task ? dayjs(task.dueAt) : defaultDue(),
          priority: task?.priority ?? 'normal',
          assigneeId: task?.assigneeId,
        }}
      >
        <Form.Item
          name="title"
          label={t('work.tasks.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input data-testid="task-title-input" maxLength={200} autoFocus />
        </Form.Item>
        <Form.Item
          name="dueAt"
          label={t('work.tasks.fields.dueAt')}
          rules={[{ required: true, message: t('form.required') }]}
        >
          <DatePicker
            data-testid="task-due-input"
            showTime={{ format: 'HH:mm', minuteStep: 5 }}
            format="YYYY-MM-DD HH:mm"
            allowClear={false}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item name="priority" label={t('work.tasks.fields.priority')}>
          <Select
            data-testid="task-priority-input"
            options={PRIORITIES.map((p) => ({ value: p, label: t(`work.tasks.priorities.${p}`) }))}
          />
        </Form.Item>
        {assigns && (
          <Form.Item name="assigneeId" label={t('work.tasks.fields.assignee')}>
            <OwnerSelect data-testid="task-assignee-input" placeholder={t('work.tasks.me')} />
          </Form.Item>
        )}
        <Form.Item name="description" label={t('work.tasks.fields.description')} rules={[{ max: 4000 }]}>
          <Input.TextArea data-testid="task-description-input" autoSize={{ minRows: 2, maxRows: 6 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
