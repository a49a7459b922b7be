import type { TableColumnsType } from 'antd';
import { companiesApi } from '../../api/companies';
import type { Company } from '../../api/types';
import { EMPTY } from '../../components/format';
import { type ColumnOptions, recordColumns, sharedColumns } from '../records/record-columns';
import { DomainLink } from './DomainLink';

/** Optional columns, in display order; the name is always shown. */
export const COMPANY_COLUMNS = [
  'domain',
  'industry',
  'size',
  'tier',
  'owner',
  'tags',
  'updatedAt',
  'createdAt',
] as const;
export type CompanyColumn = (typeof COMPANY_COLUMNS)[number];
export const DEFAULT_COMPANY_COLUMNS: readonly CompanyColumn[] = ['domain', 'industry', 'owner', 'tags', 'updatedAt'];

export function companyColumns(o: ColumnOptions<CompanyColumn>): TableColumnsType<Company> {
  const { t } = o;
  return recordColumns<Company, CompanyColumn>(
    companiesApi,
    {
      ...sharedColumns<Company>(o),
      domain: {
        title: t('fields.domain'),
        key: 'domain',
        render: (_, c) => (c.domain ? <DomainLink domain={c.domain} /> : EMPTY),
      },
      industry: { title: t('fields.industry'), key: 'industry', render: (_, c) => c.industry || EMPTY },
      size: { title: t('fields.size'), key: 'size', render: (_, c) => c.size ?? EMPTY },
    },
    o,
  );
}
