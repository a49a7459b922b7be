import { Card, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { COMPANY_SIZES } from '../../api/domain';
import type { CustomFieldDef } from '../../api/types';
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

/** Every field of companyCreate; names match the API so server field errors land here. */
export function CompanyForm({ defs }: { defs: readonly CustomFieldDef[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Card size="small" title={t('companies.sections.company')}>
        <Row gutter={16}>
          <NameField />
          <TextField
            name="domain"
            max={253}
            extra={t('form.domainHelp')}
            placeholder="example.com"
            autoComplete="off"
          />
          <TextField name="industry" max={100} />
          <ChoiceField
            name="size"
            label={t('fields.size')}
            options={COMPANY_SIZES.map((size) => ({ value: size, label: t('form.employees', { size }) }))}
          />
          <TierField />
          <OwnerField />
          <TagsField />
        </Row>
      </Card>

      <AddressCard />

      <CustomFieldsCard defs={defs} />
    </>
  );
}
