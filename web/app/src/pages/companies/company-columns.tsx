import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { Company } from '../../api/types';
import { EMPTY } from '../../components/format';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';

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

interface Options {
  t: TFunction;
  visible: readonly CompanyColumn[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

export function companyColumns(o: Options): TableColumnsType<Company> {
  const { t } = o;
  const optional: Record<CompanyColumn, TableColumnsType<Company>[number]> = {
    domain: {
      title: t('fields.domain'),
      key: 'domain',
      render: (_, c) =>
        c.domain ? (
          <a href={`https://${c.domain}`} target="_blank" rel="noreferrer noopener">
            {c.domain}
          </a>
        ) : (
          EMPTY
        ),
    },
    industry: { title: t('fields.industry'), key: 'industry', render: (_, c) => c.industry || EMPTY },
    size: { title: t('fields.size'), key: 'size', render: (_, c) => c.size ?? EMPTY },
    tier: { title: t('fields.tier'), key: 'tier', render: (_, c) => (c.tier ? t(`tiers.${c.tier}`) : EMPTY) },
    owner: { title: t('fields.owner'), key: 'owner', render: (_, c) => o.staffNames.get(c.ownerId) ?? c.ownerId },
    tags: {
      title: t('fields.tags'),
      key: 'tags',
      render: (_, c) => <TagList tags={c.tags} onSelect={o.onTag} active={o.activeTag} />,
    },
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

  const columns: TableColumnsType<Company> = [
    {
      title: t('fields.name'),
      key: 'name',
      fixed: 'left',
      render: (_, c) => (
        <Link to={`/companies/${encodeURIComponent(c.id)}`} data-testid="company-link" className="record-link">
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
        render: (_, c) => <RestoreButton resource="companies" id={c.id} size="small" />,
      });
    }
  }
  return columns;
}
