import { TagOutlined } from '@ant-design/icons';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { TIERS } from '../../api/domain';
import { OwnerSelect } from '../../components/OwnerSelect';
import { SearchBox } from '../../components/SearchBox';

export const COMPANY_FILTER_KEYS = ['tag', 'ownerId', 'tier'] as const;
type FilterKey = (typeof COMPANY_FILTER_KEYS)[number];

interface Props {
  values: Partial<Record<FilterKey, string>>;
  onChange: (changes: Partial<Record<FilterKey, string | undefined>>) => void;
}

/** Tag, owner and tier: each narrows GET /api/companies. */
export function CompanyFilters({ values, onChange }: Props) {
  const { t } = useTranslation();
  const width = { width: '100%' };
  return (
    <div className="filter-grid" data-testid="company-filters">
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
        data-testid="filter-tier"
        allowClear
        placeholder={t('list.anyTier')}
        value={values.tier}
        options={TIERS.map((tier) => ({ value: tier, label: t(`tiers.${tier}`) }))}
        onChange={(tier?: string) => onChange({ tier })}
        style={width}
      />
    </div>
  );
}
