import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Team, useCreateTeam, useUpdateTeam } from '../../api/teams';
import { useUsers } from '../../api/users';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

interface Values {
  name?: string;
  memberIds?: string[];
}

/** Create a team, or rename one and change its members (chosen from the staff list). */
export function TeamModal({ team, onClose }: { team?: Team; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const users = useUsers();
  const create = useCreateTeam();
  const update = useUpdateTeam();
  const pending = create.isPending || update.isPending;

  const save = async (values: Values) => {
    errors.reset();
    const body = { name: values.name?.trim() ?? '', memberIds: values.memberIds ?? [] };
    try {
      if (team) await update.mutateAsync({ team, patch: body });
      else await create.mutateAsync(body);
      message.success(t(team ? 'teams.saved' : 'teams.created', { name: body.name }));
      onClose();
    } catch (error) {
      errors.fail(error, 'name');
    }
  };

  const options = (users.data ?? []).map((u) => ({ value: u.id, label: u.name }));
  // A member whose account is not listed (yet) still shows, by id, rather than silently dropping.
  for (const id of team?.memberIds ?? []) {
    if (!options.some((o) => o.value === id)) options.push({ value: id, label: id });
  }

  return (
    <Modal
      open
      title={team ? t('teams.edit') : t('teams.new')}
      okText={t('teams.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: pending, ...({ 'data-testid': 'save' } as object) }}
      cancelButtonProps={{ ...({ 'data-testid': 'cancel' } as object) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Form<Values>
        form={form}
        name="team"
        layout="vertical"
        onFinish={save}
        initialValues={{ name: team?.name ?? '', memberIds: team?.memberIds ?? [] }}
      >
        <Form.Item
          name="name"
          label={t('teams.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 80 }]}
        >
          <Input data-testid="field-team-name" maxLength={80} autoFocus />
        </Form.Item>
        <Form.Item name="memberIds" label={t('teams.members')}>
          <Select
            mode="multiple"
            data-testid="field-team-members"
            loading={users.isPending}
            status={users.isError ? 'error' : undefined}
            placeholder={users.isError ? t('teams.usersUnavailable') : t('teams.pickMembers')}
            options={options}
            optionFilterProp="label"
            allowClear
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
