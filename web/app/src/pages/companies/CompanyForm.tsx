import { Card, Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_SIZES, TIERS } from '../../api/domain';
import type { CustomFieldDef } from '../../api/types';
import { AddressFields } from '../../components/AddressFields';
import { CustomFieldInputs } from '../../components/CustomFieldInputs';
import { OwnerSelect } from '../../components/OwnerSelect';
import { TagsInput, tagsValidator } from '../../components/TagsInput';

/** Every field of companyCreate; names match the API so server field errors land here. */
export function CompanyForm({ defs }: { defs: readonly CustomFieldDef[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('companies.sections.company')}>
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
            <Form.Item name="domain" label={t('fields.domain')} extra={t('form.domainHelp')} rules={[{ max: 253 }]}>
              <Input data-testid="field-domain" placeholder="example.com" maxLength={253} autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="industry" label={t('fields.industry')} rules={[{ max: 100 }]}>
              <Input data-testid="field-industry" maxLength={100} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item name="size" label={t('fields.size')}>
              <Select
                data-testid="field-size"
                allowClear
                placeholder={t('form.selectPlaceholder')}
                options={COMPANY_SIZES.map((size) => ({ value: size, label: t('form.employees', { size }) }))}
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
          <Col xs={24}>
            <Form.Item name="tags" label={t('fields.tags')} rules={[tagsValidator(t('form.invalidTag'))]}>
              <TagsInput data-testid="field-tags" />
            </Form.Item>
          </Col>
        </Row>
      </Card>

      <Card size="small" title={t('fields.address')}>
        <AddressFields />
      </Card>

      {defs.length > 0 && (
        <Card size="small" title={t('fields.customFields')}>
          <CustomFieldInputs defs={defs} />
        </Card>
      )}
    </>
  );
}
