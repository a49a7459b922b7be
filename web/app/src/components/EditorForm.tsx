import { Button, Flex, Form, type FormInstance } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, localizedMessage } from '../api/api-error';
import { applyFieldErrors } from './form-errors';
import { SaveErrorAlert } from './SaveErrorAlert';

/** The failure of the last save, and what of it could not be shown on a field. */
export function useSaveErrors(form: FormInstance) {
  const { t } = useTranslation();
  const [state, setState] = useState<{ error: unknown; unmatched: string[]; onField: boolean }>({
    error: null,
    unmatched: [],
    onField: false,
  });
  return {
    ...state,
    fail(error: unknown, fallbackField?: string) {
      let unmatched = applyFieldErrors(form, error);
      let onField = error instanceof ApiError && Object.keys(error.fields).length > unmatched.length;
      // A conflict without field details (e.g. a duplicate e-mail) is also shown on its field.
      if (
        fallbackField &&
        error instanceof ApiError &&
        error.status === 409 &&
        !error.isVersionConflict &&
        Object.keys(error.fields).length === 0 &&
        error.code.toLowerCase().includes(fallbackField.toLowerCase())
      ) {
        form.setFields([{ name: fallbackField, errors: [localizedMessage(error, t)] }]);
        form.scrollToField(fallbackField, { block: 'center' });
        unmatched = [];
        onField = true;
      }
      setState({ error, unmatched, onField });
    },
    reset() {
      setState({ error: null, unmatched: [], onField: false });
    },
  };
}

interface Props<Values> {
  form: FormInstance<Values>;
  name: string;
  initialValues: Values;
  onFinish: (values: Values) => void;
  onCancel: () => void;
  saving: boolean;
  errors: { error: unknown; unmatched: string[]; onField: boolean };
  onReload?: () => void;
  reloading?: boolean;
  children: ReactNode;
}

/** A record form: the save error on top, the sections, and Save / Cancel kept in reach at the bottom. */
export function EditorForm<Values>(props: Props<Values>) {
  const { t } = useTranslation();
  return (
    <Form<Values>
      form={props.form}
      name={props.name}
      layout="vertical"
      initialValues={props.initialValues as object}
      onFinish={props.onFinish}
      scrollToFirstError={{ block: 'center' }}
      data-testid={`${props.name}-form`}
      noValidate
    >
      <SaveErrorAlert
        error={props.errors.error}
        unmatched={props.errors.unmatched}
        scrollIntoView={!props.errors.onField}
        onReload={props.onReload}
        reloading={props.reloading}
      />
      <Flex vertical gap={16}>
        {props.children}
      </Flex>
      <div className="form-actions">
        <Button data-testid="cancel" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
        <Button type="primary" htmlType="submit" data-testid="save" loading={props.saving}>
          {t('common.save')}
        </Button>
      </div>
    </Form>
  );
}
