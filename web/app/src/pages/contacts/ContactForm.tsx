import { Card, Col, Form, Row, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomFieldDef } from '../../api/types';
import { CompanySelect } from '../../components/CompanySelect';
import { TagsInput } from '../../components/TagsInput';
import {
  AddressCard,
  ChoiceField,
  CustomFieldsCard,
  NameField,
  OwnerField,
  TagsField,
  TextField,
  TierField,
} from '../records/RecordFormFields';
import { lifecycleOptions } from './lifecycle';

interface Props {
  defs: readonly CustomFieldDef[];
  /** The company the contact had when the form opened, to label the picker without a lookup. */
  knownCompany?: { id?: string; name?: string };
}

/** Every field of contactCreate, grouped; names match the API so server field errors land here. */
export function ContactForm({ defs, knownCompany }: Props) {
  const { t } = useTranslation();
  const emailRule = { type: 'email' as const, message: t('form.invalidEmail') };
  return (
    <>
      <Card size="small" title={t('contacts.sections.person')}>
        <Row gutter={16}>
          <NameField />
          <TextField name="givenName" max={100} />
          <TextField name="familyName" max={100} />
          <TextField name="email" max={254} rules={[emailRule]} type="email" inputMode="email" autoComplete="off" />
          <TextField name="phone" max={40} type="tel" inputMode="tel" />
          <Col xs={24}>
            <Form.Item
              name="emails"
              label={t('fields.emails')}
              extra={t('form.emailsHelp')}
              rules={[
                {
                  type: 'array',
                  max: 10,
                  defaultField: { type: 'email', message: t('form.invalidEmail') },
                  message: t('form.maxEmails'),
                },
              ]}
            >
              <TagsInput data-testid="field-emails" placeholder={t('form.emailsPlaceholder')} maxCount={10} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('contacts.sections.work')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="companyId" label={t('fields.company')}>
              <CompanySelect data-testid="field-companyId" known={knownCompany} />
            </Form.Item>
          </Col>
          <TextField name="title" max={200} />
        </Row>
      </Card>

      <AddressCard />

      <Card size="small" title={t('contacts.sections.sales')}>
        <Row gutter={16}>
          <ChoiceField name="lifecycleStage" label={t('fields.lifecycleStage')} options={lifecycleOptions(t)} />
          <TierField />
          <OwnerField />
          <TextField name="source" max={50} placeholder={t('form.sourcePlaceholder')} />
          <TagsField />
          <Col xs={24}>
            <Form.Item
              name="marketingConsent"
              label={t('fields.marketingConsent')}
              valuePropName="checked"
              extra={t('form.consentHelp')}
            >
              <Switch data-testid="field-marketingConsent" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <CustomFieldsCard defs={defs} />
    </>
  );
}
