import { Card, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, TIERS } from '../../api/domain';
import type { CustomFieldDef } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { CompanySelect } from '../../components/CompanySelect';
import { CustomFieldInputs } from '../../components/CustomFieldInputs';
import { OwnerSelect } from '../../components/OwnerSelect';
import { TagsInput, tagsValidator } from '../../components/TagsInput';

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
          <Col xs={24}>
            <Form.Item
              name="name"
              label={t('fields.name')}
              rules={[{ required: true, whitespace: true, message: t('form.required') }, { max: 200 }]}
            >
              <Input data-testid="field-name" maxLength={200} autoFocus />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="givenName" label={t('fields.givenName')} rules={[{ max: 100 }]}>
              <Input data-testid="field-givenName" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="familyName" label={t('fields.familyName')} rules={[{ max: 100 }]}>
              <Input data-testid="field-familyName" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="email" label={t('fields.email')} rules={[emailRule, { max: 254 }]}>
              <Input data-testid="field-email" type="email" inputMode="email" autoComplete="off" maxLength={254} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="phone" label={t('fields.phone')} rules={[{ max: 40 }]}>
              <Input data-testid="field-phone" type="tel" inputMode="tel" maxLength={40} />
            </Form.Item>
          </Col>
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
          <Col xs={24} md={12}>
            <Form.Item name="title" label={t('fields.title')} rules={[{ max: 200 }]}>
              <Input data-testid="field-title" maxLength={200} />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('fields.address')}>
        <AddressFields />
      </Card>

      <Card size="small" title={t('contacts.sections.sales')}>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item name="lifecycleStage" label={t('fields.lifecycleStage')}>
              <Select
                data-testid="field-lifecycleStage"
                allowClear
                placeholder={t('form.selectPlaceholder')}
                options={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`lifecycle.${stage}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="tier" label={t('fields.tier')}>
              <Select
                data-testid="field-tier"
                allowClear
                placeholder={t('form.selectPlaceholder')}
                options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="ownerId" label={t('fields.owner')} extra={t('form.ownerHelp')}>
              <OwnerSelect data-testid="field-ownerId" allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="source" label={t('fields.source')} rules={[{ max: 50 }]}>
              <Input data-testid="field-source" maxLength={50} placeholder={t('form.sourcePlaceholder')} />
            </Form.Item>
          </Col>
          <Col xs={24}>
            <Form.Item name="tags" label={t('fields.tags')} rules={[tagsValidator(t('form.invalidTag'))]}>
              <TagsInput data-testid="field-tags" />
            </Form.Item>
          </Col>
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

      {defs.length > 0 && (
        <Card size="small" title={t('fields.customFields')}>
          <CustomFieldInputs defs={defs} />
        </Card>
      )}
    </>
  );
}
