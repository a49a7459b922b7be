import { companiesApi } from '../../api/companies';
import type { Company } from '../../api/types';
import { EMPTY } from '../../components/format';
import { type RecordDetailConfig, RecordDetailPage } from '../records/RecordDetailPage';
import { RecordTasksPanel } from '../tasks/RecordTasksPanel';
import { CompanyContacts } from './CompanyContacts';
import { DomainLink } from './DomainLink';

const config: RecordDetailConfig<Company> = {
  sidePanels: (r, can) =>
    can('tasks:read') ? <RecordTasksPanel entity="company" id={r.id} readOnly={Boolean(r.deletedAt)} /> : null,
  api: companiesApi,
  subtitle: (c) => [c.industry, c.domain],
  details: (c, shared, t) => [
    { key: 'domain', label: t('fields.domain'), children: c.domain ? <DomainLink domain={c.domain} /> : EMPTY },
    { key: 'industry', label: t('fields.industry'), children: c.industry || EMPTY },
    { key: 'size', label: t('fields.size'), children: c.size ?? EMPTY },
    shared.tier,
    shared.owner,
    shared.address,
  ],
  extraTabs: (c, t) => [
    {
      key: 'contacts',
      label: <span data-testid="tab-contacts">{t('nav.contacts')}</span>,
      children: <CompanyContacts companyId={c.id} />,
    },
  ],
};

/** /app/companies/:id: the company, its people, its actions, and its history. */
export function CompanyDetailPage() {
  return <RecordDetailPage config={config} />;
}
