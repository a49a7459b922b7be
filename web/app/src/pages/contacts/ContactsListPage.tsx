import { type ContactFilters as ContactQuery, contactsApi } from '../../api/contacts';
import { LIFECYCLE_STAGES, TIERS } from '../../api/domain';
import type { Contact } from '../../api/types';
import { oneOf } from '../../components/useListParams';
import { type RecordListConfig, RecordListPage } from '../records/RecordListPage';
import { ContactCards } from './ContactCards';
import { CONTACT_FILTER_KEYS, ContactFilters } from './ContactFilters';
import { CONTACT_COLUMNS, type ContactColumn, contactColumns, DEFAULT_CONTACT_COLUMNS } from './contact-columns';

const config: RecordListConfig<Contact, ContactQuery, ContactColumn, (typeof CONTACT_FILTER_KEYS)[number]> = {
  api: contactsApi,
  columns: CONTACT_COLUMNS,
  defaultColumns: DEFAULT_CONTACT_COLUMNS,
  buildColumns: contactColumns,
  filterKeys: CONTACT_FILTER_KEYS,
  query: (values, { q, tag, ownerId, sort, order, view }) => ({
    q,
    tag,
    ownerId,
    lifecycleStage: oneOf(values.lifecycleStage, LIFECYCLE_STAGES),
    tier: oneOf(values.tier, TIERS),
    companyId: values.companyId,
    sort,
    order,
    view,
  }),
  Filters: ContactFilters,
  Cards: ContactCards,
};

/** /app/contacts: search, filter, sort and page through contacts; the trash is a view of it. */
export function ContactsListPage() {
  return <RecordListPage config={config} />;
}
