import { Card, Col, Form, type FormItemProps, Input, type InputProps, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { CustomFieldInputs } from '../../components/CustomFieldInputs';
import { OwnerSelect } from '../../components/OwnerSelect';
import { TagsInput, tagsValidator } from '../../components/TagsInput';
import { tierOptions } from './choices';
import type { FieldKey } from './record-kind';

/*
 * Form fields every kind has, each in its column of a <Row gutter={16}>. Names match the API so
 * server field errors land on them; test ids are field-{name}.
 */

/** The name: required, the full width. */
export function NameField() {
  const { t } = useTranslation();
  return (
    <Col xs={24}>
      <Form.Item
        name="name"
        label={t('fields.name')}
        rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
      >
        <Input data-testid="field-name" maxLength={200} autoFocus />
      </Form.Item>
    </Col>
  );
}

interface TextFieldProps extends Omit<InputProps, 'name' | 'maxLength'> {
  name: FieldKey;
  /** The most characters the API takes. */
  max: number;
  /** Checked before the length, e.g. that it is an email address. */
  rules?: NonNullable<FormItemProps['rules']>;
  /** Help under the field. */
  extra?: ReactNode;
}

/** Free text, half the width, labelled fields.{name}; the rest of the props go to the input. */
export function TextField({ name, max, rules = [], extra, ...input }: TextFieldProps) {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={t(`fields.${name}`)} extra={extra} rules={[...rules, { max }]}>
        <Input data-testid={`field-${name}`} maxLength={max} {...input} />
      </Form.Item>
    </Col>
  );
}

interface ChoiceFieldProps {
  name: string;
  label: string;
  options: { value: string; label: string }[];
}

/** One of a fixed set of values (e.g. tier, company size); clearing it unsets the field. */
export function ChoiceField({ name, label, options }: ChoiceFieldProps) {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={12}>
      <Form.Item name={name} label={label}>
        <Select data-testid={`field-${name}`} allowClear placeholder={t('form.selectPlaceholder')} options={options} />
      </Form.Item>
    </Col>
  );
}

export function TierField() {
  const { t } = useTranslation();
  return <ChoiceField name="tier" label={t('fields.tier')} options={tierOptions(t)} />;
}

/** The owner can be changed, not removed. */
export function OwnerField() {
  const { t } = useTranslation();
  return (
    <Col xs={24} md={12}>
      <Form.Item name="ownerId" label={t('fields.owner')} extra={t('form.ownerHelp')}>
        <OwnerSelect data-testid="field-ownerId" allowClear={false} />
      </Form.Item>
    </Col>
  );
}

export function TagsField() {
  const { t } = useTranslation();
  return (
    <Col xs={24}>
      <Form.Item name="tags" label={t('fields.tags')} rules={[tagsValidator(t('form.invalidTag'))]}>
        <TagsInput data-testid="field-tags" />
      </Form.Item>
    </Col>
  );
}

/** The address, in a section of its own. */
export function AddressCard() {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('fields.address')}>
      <AddressFields />
    </Card>
  );
}

/** The kind's custom fields, in a section of their own when there are any. */
export function CustomFieldsCard({ defs }: { defs: readonly CustomFieldDef[] }) {
  const { t } = useTranslation();
  if (defs.length === 0) return null;
  return (
    <Card size="small" title={t('fields.customFields')}>
      <CustomFieldInputs defs={defs} />
    </Card>
  );
}
