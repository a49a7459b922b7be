import { TagOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { LIFECYCLE_STAGES, TIERS } from '../../api/domain';
import { CompanySelect } from '../../components/CompanySelect';
import { OwnerSelect } from '../../components/OwnerSelect';
import { SearchBox } from '../../components/SearchBox';

export const CONTACT_FILTER_KEYS = ['tag', 'ownerId', 'lifecycleStage', 'tier', 'companyId'] as const;
type FilterKey = (typeof CONTACT_FILTER_KEYS)[number];

interface Props {
  values: Partial<Record<FilterKey, string>>;
  onChange: (changes: Partial<Record<FilterKey, string | undefined>>) => void;
}

/** Tag, owner, lifecycle stage, tier and company: each narrows GET /api/contacts. */
export function ContactFilters({ values, onChange }: Props) {
  const { t } = useTranslation();
  const width = { width: '100%' };
  return (
    <div className="filter-grid" data-testid="contact-filters">
      <div>
        <SearchBox
          testId="filter-tag"
          role="textbox"
          icon={<TagOutlined />}
          placeholder={t('list.tagPlaceholder')}
          value={values.tag}
          onSearch={(tag) => onChange({ tag })}
        />
      </div>
      <OwnerSelect
        data-testid="filter-owner"
        placeholder={t('list.anyOwner')}
        value={values.ownerId}
        onChange={(ownerId) => onChange({ ownerId })}
        style={width}
      />
      <Select
        data-testid="filter-stage"
        allowClear
        placeholder={t('list.anyStage')}
        value={values.lifecycleStage}
        options={LIFECYCLE_STAGES.map((stage) => ({ value: stage, label: t(`lifecycle.${stage}`) }))}
        onChange={(lifecycleStage?: string) => onChange({ lifecycleStage })}
        style={width}
      />
      <Select
        data-testid="filter-tier"
        allowClear
        placeholder={t('list.anyTier')}
        value={values.tier}
        options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
        onChange={(tier?: string) => onChange({ tier })}
        style={width}
      />
      <CompanySelect
        data-testid="filter-company"
        placeholder={t('list.anyCompany')}
        value={values.companyId}
        onChange={(companyId?: string) => onChange({ companyId })}
        style={width}
      />
    </div>
  );
}
