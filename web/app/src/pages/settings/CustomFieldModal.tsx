import { App, Form, Input, Modal, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../../../shared/auth/roles';
import { useCreateCustomField, useUpdateCustomField } from '../../api/custom-fields';
import { CUSTOM_FIELD_KEY_PATTERN, CUSTOM_FIELD_TYPES } from '../../api/domain';
import type { CustomFieldDef, CustomFieldEntity } from '../../api/types';
import { SaveErrorAlert } from '../../components/SaveErrorAlert';
import { useSaveErrors } from '../../components/useSaveErrors';

type FieldType = CustomFieldDef['type'];

interface Values {
  key?: string;
  label?: string;
  type?: FieldType;
  required?: boolean;
  options?: string[];
  sensitive?: boolean;
  readRoles?: Role[];
}

interface Props {
  entity: CustomFieldEntity;
  /** The field to edit; absent to add one. */
  def?: CustomFieldDef;
  onClose: () => void;
}

const isSelect = (type: FieldType | undefined) => type === 'select' || type === 'multiselect';

/** Add a custom field (key and type are fixed from then on) or edit its label, required flag and options. */
export function CustomFieldModal({ entity, def, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const errors = useSaveErrors(form);
  const create = useCreateCustomField();
  const update = useUpdateCustomField();
  const type = Form.useWatch('type', form) ?? def?.type;
  const sensitive = Form.useWatch('sensitive', form) ?? def?.sensitive;

  const save = async (values: Values) => {
    errors.reset();
    const label = values.label?.trim() ?? '';
    const options = isSelect(type) ? (values.options ?? []).map((o) => o.trim()).filter(Boolean) : undefined;
    try {
      if (def) {
        await update.mutateAsync({
          def,
          patch: {
            label,
            required: Boolean(values.required),
            ...(options ? { options } : {}),
            ...(def.sensitive ? { readRoles: values.readRoles ?? [] } : {}),
          },
        });
        message.success(t('common.saved'));
      } else {
        await create.mutateAsync({
          entity,
          key: values.key?.trim() ?? '',
          label,
          type: values.type ?? 'text',
          required: Boolean(values.required),
          ...(options ? { options } : {}),
          sensitive: Boolean(values.sensitive),
          readRoles: values.sensitive ? (values.readRoles ?? []) : [],
        });
        message.success(t('customFields.created'));
      }
      onClose();
    } catch (error) {
      errors.fail(error, 'key');
    }
  };

  return (
    <Modal
      open
      title={def ? t('customFields.edit') : t('customFields.add')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: create.isPending || update.isPending, ...({ 'data-testid': 'save' } as object) }}
      cancelButtonProps={{ ...({ 'data-testid': 'cancel' } as object) }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <SaveErrorAlert error={errors.error} unmatched={errors.unmatched} />
      <Form<Values>
        form={form}
        name="custom-field"
        layout="vertical"
        onFinish={save}
        initialValues={
          def
            ? {
                key: def.key,
                label: def.label,
                type: def.type,
                required: def.required,
                options: def.options ?? [],
                sensitive: Boolean(def.sensitive),
                readRoles: def.readRoles ?? [],
              }
            : { type: 'text', required: false, options: [], sensitive: false, readRoles: [] }
        }
      >
        <Form.Item
          name="label"
          label={t('customFields.label')}
          rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 100 }]}
        >
          <Input data-testid="field-label" maxLength={100} autoFocus />
        </Form.Item>
        <Form.Item
          name="key"
          label={t('customFields.key')}
          extra={def ? undefined : t('customFields.keyHelp')}
          rules={[
            { required: true, message: t('form.required') },
            { pattern: CUSTOM_FIELD_KEY_PATTERN, message: t('customFields.keyInvalid') },
          ]}
        >
          <Input data-testid="field-key" disabled={Boolean(def)} maxLength={40} autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="type" label={t('customFields.type')} rules={[{ required: true, message: t('form.required') }]}>
          <Select
            data-testid="field-type"
            disabled={Boolean(def)}
            options={CUSTOM_FIELD_TYPES.map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
          />
        </Form.Item>
        {isSelect(type) && (
          <Form.Item
            name="options"
            label={t('customFields.options')}
            extra={t('customFields.optionsHelp')}
            rules={[{ type: 'array', min: 1, message: t('customFields.optionsRequired') }]}
          >
            <Select
              data-testid="field-options"
              mode="tags"
              tokenSeparators={[',']}
              placeholder={t('form.tagsPlaceholder')}
            />
          </Form.Item>
        )}
        <Form.Item name="required" label={t('customFields.required')} valuePropName="checked">
          <Switch data-testid="field-required" />
        </Form.Item>
        <Form.Item
          name="sensitive"
          label={t('customFields.sensitive')}
          extra={t('customFields.sensitiveHelp')}
          valuePropName="checked"
        >
          {/* Set when the field is added: existing values would stay unencrypted. */}
          <Switch data-testid="field-sensitive" disabled={Boolean(def)} />
        </Form.Item>
        {sensitive && (
          <Form.Item name="readRoles" label={t('customFields.readRoles')} extra={t('customFields.readRolesHelp')}>
            <Select
              data-testid="field-read-roles"
              mode="multiple"
              options={ROLES.filter((r) => r !== 'admin').map((value) => ({ value, label: t(`roles.${value}`) }))}
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
