import { App, Form, type FormInstance, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from './SaveErrorAlert';
import type { useSaveErrors } from './useSaveErrors';

interface Props<Values> {
  form: FormInstance<Values>;
  /** The form's name (ids of its items). */
  name: string;
  title: string;
  okText: string;
  width?: number;
  initialValues: Values;
  errors: ReturnType<typeof useSaveErrors>;
  saving: boolean;
  /** Writes the values; answers the success message. A thrown API error lands on the form's fields. */
  onSave: (values: Values) => Promise<string>;
  onClose: () => void;
  /** Below the form (e.g. a preview of the saved record). */
  after?: ReactNode;
  children: ReactNode;
}

/**
 * A create-or-edit dialog: the form, its save button, the console's one save-error idiom (field
 * errors on their items, the rest in the alert above), a success message, and closing on success.
 */
export function EditorModal<Values>(props: Props<Values>) {
  const { form, errors, onSave, onClose } = props;
  const { t } = useTranslation();
  const { message } = App.useApp();

  const save = async (values: Values) => {
    errors.reset();
    try {
      message.success(await onSave(values));
      onClose();
    } catch (error) {
      errors.fail(error);
    }
  };

  return (
    <Modal
      open
      width={props.width}
      title={props.title}
      okText={props.okText}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.saving, ...({ 'data-testid': 'save' } as object) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Form<Values>
        form={form}
        name={props.name}
        layout="vertical"
        onFinish={save}
        initialValues={props.initialValues as never}
      >
        {props.children}
      </Form>
      {props.after}
    </Modal>
  );
}
