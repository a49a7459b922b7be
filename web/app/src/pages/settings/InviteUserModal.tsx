import { App, Form, Input, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../shared/auth/roles';
import { useInviteUser } from '../../api/users';
import { useAuth } from '../../auth/auth-context';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

interface Values {
  email?: string;
  name?: string;
  role?: Role;
}

/** Roles the signed-in user may hand out: only an admin grants admin (the API says the same). */
export function useAssignableRoles(): Role[] {
  const { roles } = useAuth();
  return ROLES.filter((r) => r !== 'admin' || roles.includes('admin'));
}

/** Invite someone: they get an e-mail with a link to set their password, then sign in with the role. */
export function InviteUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const invite = useInviteUser();
  const assignable = useAssignableRoles();

  const save = async (values: Values) => {
    errors.reset();
    try {
      await invite.mutateAsync({
        email: values.email?.trim() ?? '',
        name: values.name?.trim() ?? '',
        role: values.role ?? 'sales',
      });
      message.success(t('users.invited', { email: values.email }));
      onClose();
    } catch (error) {
      errors.fail(error, 'email');
    }
  };

  return (
    <Modal
      open
      title={t('users.invite')}
      okText={t('users.sendInvite')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: invite.isPending, ...({ 'data-testid': 'save' } as object) }}
      cancelButtonProps={{ ...({ 'data-testid': 'cancel' } as object) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Form<Values> form={form} name="invite-user" layout="vertical" onFinish={save} initialValues={{ role: 'sales' }}>
        <Form.Item
          name="email"
          label={t('users.email')}
          rules={[
            { required: true, whitespace: true, message: t('form.required') },
            { type: 'email', message: t('users.emailInvalid') },
          ]}
        >
          <Input data-testid="field-email" type="email" autoComplete="off" maxLength={254} autoFocus />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('users.name')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
        >
          <Input data-testid="field-name" maxLength={200} />
        </Form.Item>
        <Form.Item name="role" label={t('users.role')} rules={[{ required: true, message: t('form.required') }]}>
          <Select
            data-testid="field-role"
            options={assignable.map((value) => ({ value, label: t(`roles.${value}`) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
