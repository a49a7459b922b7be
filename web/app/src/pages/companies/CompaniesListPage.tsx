import { type CompanyFilters as CompanyQuery, companiesApi } from '../../api/companies';
import { TIERS } from '../../api/domain';
import type { Company } from '../../api/types';
import { oneOf } from '../../components/useListParams';
import { type RecordListConfig, RecordListPage } from '../records/RecordListPage';
import { CompanyCards } from './CompanyCards';
import { COMPANY_FILTER_KEYS, CompanyFilters } from './CompanyFilters';
import { COMPANY_COLUMNS, type CompanyColumn, companyColumns, DEFAULT_COMPANY_COLUMNS } from './company-columns';

const config: RecordListConfig<Company, CompanyQuery, CompanyColumn, (typeof COMPANY_FILTER_KEYS)[number]> = {
  api: companiesApi,
  columns: COMPANY_COLUMNS,
  defaultColumns: DEFAULT_COMPANY_COLUMNS,
  buildColumns: companyColumns,
  filterKeys: COMPANY_FILTER_KEYS,
  query: (values, { q, tag, ownerId, sort, order, view }) => ({
    q,
    tag,
    ownerId,
    tier: oneOf(values.tier, TIERS),
    sort,
    order,
    view,
  }),
  Filters: CompanyFilters,
  Cards: CompanyCards,
};

/** /app/companies: search, filter, sort and page through companies; the trash is a view of it. */
export function CompaniesListPage() {
  return <RecordListPage config={config} />;
}
