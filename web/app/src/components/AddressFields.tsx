import { Col, Form, Input, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CountrySelect } from './CountrySelect';

/** address.{country, region, city, street, postalCode}, as both contacts and companies have it. */
export function AddressFields() {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col xs={24} md={12}>
        <Form.Item name={['address', 'country']} label={t('fields.country')}>
          <CountrySelect data-testid="field-address.country" />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['address', 'region']} label={t('fields.region')} rules={[{ max: 100 }]}>
          <Input data-testid="field-address.region" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['address', 'city']} label={t('fields.city')} rules={[{ max: 100 }]}>
          <Input data-testid="field-address.city" maxLength={100} />
        </Form.Item>
      </Col>
      <Col xs={24} md={12}>
        <Form.Item name={['address', 'postalCode']} label={t('fields.postalCode')} rules={[{ max: 20 }]}>
          <Input data-testid="field-address.postalCode" maxLength={20} />
        </Form.Item>
      </Col>
      <Col xs={24}>
        <Form.Item name={['address', 'street']} label={t('fields.street')} rules={[{ max: 200 }]}>
          <Input data-testid="field-address.street" maxLength={200} />
        </Form.Item>
      </Col>
    </Row>
  );
}
