import type { TableColumnsType } from 'antd';
import { Link } from 'react-router-dom';
import { contactsApi } from '../../api/contacts';
import type { Contact } from '../../api/types';
import { EMPTY } from '../../components/format';
import { type ColumnOptions, recordColumns, sharedColumns } from '../records/record-columns';
import { recordPath } from '../records/record-kind';
import { LifecycleTag } from './lifecycle';

/** Optional columns, in display order; the name is always shown. */
export const CONTACT_COLUMNS = [
  'email',
  'phone',
  'company',
  'title',
  'lifecycleStage',
  'tier',
  'owner',
  'tags',
  'source',
  'updatedAt',
  'createdAt',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];
export const DEFAULT_CONTACT_COLUMNS: readonly ContactColumn[] = [
  'email',
  'company',
  'lifecycleStage',
  'owner',
  'tags',
  'updatedAt',
];

export function contactColumns(o: ColumnOptions<ContactColumn>): TableColumnsType<Contact> {
  const { t } = o;
  return recordColumns<Contact, ContactColumn>(
    contactsApi,
    {
      ...sharedColumns<Contact>(o),
      email: { title: t('fields.email'), dataIndex: 'email', render: (email?: string) => email ?? EMPTY },
      phone: { title: t('fields.phone'), dataIndex: 'phone', render: (phone?: string) => phone ?? EMPTY },
      company: {
        title: t('fields.company'),
        key: 'company',
        render: (_, c) =>
          c.companyId ? <Link to={recordPath('companies', c.companyId)}>{c.companyName ?? c.companyId}</Link> : EMPTY,
      },
      title: { title: t('fields.title'), dataIndex: 'title', render: (title?: string) => title ?? EMPTY },
      lifecycleStage: {
        title: t('fields.lifecycleStage'),
        dataIndex: 'lifecycleStage',
        render: (_, c) => (c.lifecycleStage ? <LifecycleTag stage={c.lifecycleStage} /> : EMPTY),
      },
      source: { title: t('fields.source'), dataIndex: 'source', render: (source?: string) => source ?? EMPTY },
    },
    o,
  );
}
