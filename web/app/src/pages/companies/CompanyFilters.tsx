import { companiesApi } from '../../api/companies';
import { type FilterProps, RecordFilters, type SharedFilterKey, TierFilter } from '../records/RecordFilters';

/** The company list's own filters, after tag and owner. */
export const COMPANY_FILTER_KEYS = ['tier'] as const;
type FilterKey = SharedFilterKey | (typeof COMPANY_FILTER_KEYS)[number];

/** Tag, owner and tier: each narrows GET /api/companies. */
export function CompanyFilters({ values, onChange }: FilterProps<FilterKey>) {
  return (
    <RecordFilters kind={companiesApi} values={values} onChange={onChange}>
      <TierFilter value={values.tier} onChange={(tier) => onChange({ tier })} />
    </RecordFilters>
  );
}
