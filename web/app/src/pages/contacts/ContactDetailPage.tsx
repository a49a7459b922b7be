import { Link } from 'react-router-dom';
import { contactsApi } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { EMPTY, MASK } from '../../components/format';
import { type RecordDetailConfig, RecordDetailPage } from '../records/RecordDetailPage';
import { recordPath } from '../records/record-kind';
import { RecordTasksPanel } from '../tasks/RecordTasksPanel';
import { LifecycleTag } from './lifecycle';

const config: RecordDetailConfig<Contact> = {
  sidePanels: (r, can) =>
    can('tasks:read') ? <RecordTasksPanel entity="contact" id={r.id} readOnly={Boolean(r.deletedAt)} /> : null,
  api: contactsApi,
  subtitle: (c) => [c.title, c.companyName],
  details: (c, shared, t) => [
    { key: 'givenName', label: t('fields.givenName'), children: c.givenName || EMPTY },
    { key: 'familyName', label: t('fields.familyName'), children: c.familyName || EMPTY },
    {
      key: 'email',
      label: t('fields.email'),
      children: c.email ? <a href={`mailto:${c.email}`}>{c.email}</a> : EMPTY,
    },
    { key: 'emails', label: t('fields.emails'), children: c.emails?.length ? c.emails.join(', ') : EMPTY },
    {
      key: 'phone',
      label: t('fields.phone'),
      children: c.phone === MASK ? MASK : c.phone ? <a href={`tel:${c.phone}`}>{c.phone}</a> : EMPTY,
    },
    {
      key: 'company',
      label: t('fields.company'),
      children: c.companyId ? (
        <Link to={recordPath('companies', c.companyId)} data-testid="company-link">
          {c.companyName ?? c.companyId}
        </Link>
      ) : (
        EMPTY
      ),
    },
    { key: 'title', label: t('fields.title'), children: c.title || EMPTY },
    shared.address,
    {
      key: 'lifecycleStage',
      label: t('fields.lifecycleStage'),
      children: c.lifecycleStage ? <LifecycleTag stage={c.lifecycleStage} /> : EMPTY,
    },
    shared.tier,
    shared.owner,
    { key: 'source', label: t('fields.source'), children: c.source || EMPTY },
    {
      key: 'marketingConsent',
      label: t('fields.marketingConsent'),
      children: c.marketingConsent ? t('common.yes') : t('common.no'),
    },
  ],
};

/** /app/contacts/:id: the contact, its actions, and its history. */
export function ContactDetailPage() {
  return <RecordDetailPage config={config} />;
}
