import { Select, type SelectProps, Spin } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { companiesApi, useCompanySearch } from '../api/companies';
import { useDebouncedValue } from './useDebouncedValue';

interface Props extends Omit<SelectProps<string>, 'options' | 'showSearch' | 'loading'> {
  /** A company whose name the caller already knows (e.g. the contact's current company). */
  known?: { id?: string; name?: string };
}

/** Pick a company by searching GET /api/companies?q=. */
export function CompanySelect({ known, value, ...props }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [opened, setOpened] = useState(false);
  const term = useDebouncedValue(search, 250);
  // Search only once the picker is opened: a form with an untouched picker costs no request.
  const results = useCompanySearch(term, opened);
  // Names of companies seen in any result, so a choice keeps its label after the search moves on.
  const seen = useRef(new Map<string, string>());
  for (const company of results.data?.items ?? []) seen.current.set(company.id, company.name);

  const knownName = value && known?.id === value ? known.name : undefined;
  const needsLookup = Boolean(value) && !knownName && !seen.current.has(value ?? '');
  const looked = companiesApi.useOne(needsLookup ? (value ?? undefined) : undefined);

  const options = useMemo(() => {
    const list = (results.data?.items ?? []).map((company) => ({ value: company.id, label: company.name }));
    if (value && !list.some((option) => option.value === value)) {
      list.unshift({ value, label: seen.current.get(value) ?? knownName ?? looked.data?.name ?? value });
    }
    return list;
  }, [results.data, value, knownName, looked.data]);

  return (
    <Select<string>
      value={value}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      allowClear
      placeholder={t('form.companyPlaceholder')}
      loading={results.isFetching}
      notFoundContent={results.isFetching ? <Spin size="small" /> : t('form.noCompanies')}
      options={options}
      onClear={() => setSearch('')}
      onOpenChange={(open) => open && setOpened(true)}
      {...props}
    />
  );
}
