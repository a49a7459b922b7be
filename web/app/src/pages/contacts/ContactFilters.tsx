import { useTranslation } from 'react-i18next';
import { contactsApi } from '../../api/contacts';
import { CompanySelect } from '../../components/CompanySelect';
import {
  ChoiceFilter,
  type FilterProps,
  FULL_WIDTH,
  RecordFilters,
  type SharedFilterKey,
  TierFilter,
} from '../records/RecordFilters';
import { lifecycleOptions } from './lifecycle';

/** The contact list's own filters, after tag and owner. */
export const CONTACT_FILTER_KEYS = ['lifecycleStage', 'tier', 'companyId'] as const;
type FilterKey = SharedFilterKey | (typeof CONTACT_FILTER_KEYS)[number];

/** Tag, owner, lifecycle stage, tier and company: each narrows GET /api/contacts. */
export function ContactFilters({ values, onChange }: FilterProps<FilterKey>) {
  const { t } = useTranslation();
  return (
    <RecordFilters kind={contactsApi} values={values} onChange={onChange}>
      <ChoiceFilter
        testId="filter-stage"
        placeholder={t('list.anyStage')}
        value={values.lifecycleStage}
        options={lifecycleOptions(t)}
        onChange={(lifecycleStage) => onChange({ lifecycleStage })}
      />
      <TierFilter value={values.tier} onChange={(tier) => onChange({ tier })} />
      <CompanySelect
        data-testid="filter-company"
        placeholder={t('list.anyCompany')}
        value={values.companyId}
        onChange={(companyId?: string) => onChange({ companyId })}
        style={FULL_WIDTH}
      />
    </RecordFilters>
  );
}
