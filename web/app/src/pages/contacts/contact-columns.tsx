import { type TableColumnsType, Tag } from 'antd';

import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Contact } from '../../api/types';
import { EMPTY } from '../../components/format';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';

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

export function contactColumnLabel(column: ContactColumn, t: TFunction): string {
  return t(`fields.${column}`);
}

interface Options {
  t: TFunction;
  visible: readonly ContactColumn[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

export function contactColumns(o: Options): TableColumnsType<Contact> {
  const { t } = o;
  const optional: Record<ContactColumn, TableColumnsType<Contact>[number]> = {
    email: {
      title: t('fields.email'),
      dataIndex: 'email',
      render: (email?: string) => email ?? EMPTY,
    },
    phone: { title: t('fields.phone'), dataIndex: 'phone', render: (phone?: string) => phone ?? EMPTY },
    company: {
      title: t('fields.company'),
      key: 'company',
      render: (_, c) =>
        c.companyId ? (
          <Link to={`/companies/${encodeURIComponent(c.companyId)}`}>{c.companyName ?? c.companyId}</Link>
        ) : (
          EMPTY
        ),
    },
    title: { title: t('fields.title'), dataIndex: 'title', render: (title?: string) => title ?? EMPTY },
    lifecycleStage: {
      title: t('fields.lifecycleStage'),
      dataIndex: 'lifecycleStage',
      render: (_, c) => (c.lifecycleStage ? <Tag color="blue">{t(`lifecycle.${c.lifecycleStage}`)}</Tag> : EMPTY),
    },
    tier: { title: t('fields.tier'), key: 'tier', render: (_, c) => (c.tier ? t(`tiers.${c.tier}`) : EMPTY) },
    owner: { title: t('fields.owner'), key: 'owner', render: (_, c) => o.staffNames.get(c.ownerId) ?? c.ownerId },
    tags: {
      title: t('fields.tags'),
      key: 'tags',
      render: (_, c) => <TagList tags={c.tags} onSelect={o.onTag} active={o.activeTag} />,
    },
    source: { title: t('fields.source'), dataIndex: 'source', render: (source?: string) => source ?? EMPTY },
    updatedAt: {
      title: t('fields.updatedAt'),
      key: 'updatedAt',
      render: (_, c) => <TimeStamp value={c.updatedAt} showAbsolute={false} />,
    },
    createdAt: {
      title: t('fields.createdAt'),
      key: 'createdAt',
      render: (_, c) => <TimeStamp value={c.createdAt} showAbsolute={false} />,
    },
  };

  const columns: TableColumnsType<Contact> = [
    {
      title: t('fields.name'),
      key: 'name',
      fixed: 'left',
      render: (_, c) => (
        <Link to={`/contacts/${encodeURIComponent(c.id)}`} data-testid="contact-link" className="record-link">
          {c.name}
        </Link>
      ),
    },
    ...o.visible.map((column) => ({ ...optional[column], key: column })),
  ];
  if (o.trash) {
    columns.push({
      title: t('fields.deletedAt'),
      key: 'deletedAt',
      render: (_, c) => <TimeStamp value={c.deletedAt} showAbsolute={false} />,
    });
    if (o.canRestore) {
      columns.push({
        title: t('common.actions'),
        key: 'actions',
        render: (_, c) => <RestoreButton resource="contacts" id={c.id} size="small" />,
      });
    }
  }
  return columns;
}
