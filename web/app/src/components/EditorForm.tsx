import { Button, Flex, Form, type FormInstance } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveErrorAlert } from './SaveErrorAlert';

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
