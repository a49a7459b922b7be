import { DatePicker, Form, Input, InputNumber, Select, Switch } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../api/types';

/** The admin-defined fields of an entity, each rendered by its type, under `customFields.<key>`. */
export function CustomFieldInputs({ defs }: { defs: readonly CustomFieldDef[] }) {
  const { t } = useTranslation();
  return (
    <>
      {defs.map((def) => {
        const testId = `field-customFields.${def.key}`;
        const options = (def.options ?? []).map((option) => ({ value: option, label: option }));
        const rules = def.required && def.type !== 'boolean' ? [{ required: true, message: t('form.required') }] : [];
        let control: ReactNode;
        switch (def.type) {
          case 'number':
            control = <InputNumber data-testid={testId} style={{ width: '100%' }} />;
            break;
          case 'date':
            control = <DatePicker data-testid={testId} style={{ width: '100%' }} />;
            break;
          case 'select':
            control = <Select data-testid={testId} allowClear options={options} />;
            break;
          case 'multiselect':
            control = <Select data-testid={testId} mode="multiple" allowClear options={options} />;
            break;
          case 'boolean':
            control = <Switch data-testid={testId} />;
            break;
          default:
            control = <Input data-testid={testId} maxLength={2000} />;
        }
        return (
          <Form.Item
            key={def.key}
            name={['customFields', def.key]}
            label={def.label}
            rules={rules}
            valuePropName={def.type === 'boolean' ? 'checked' : 'value'}
          >
            {control}
          </Form.Item>
        );
      })}
    </>
  );
}
