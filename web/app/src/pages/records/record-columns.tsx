import type { TableColumnsType } from 'antd';
import type { TFunction } from 'i18next';
import { Link } from 'react-router-dom';
import type { RecordKind } from '../../api/records';
import { EMPTY } from '../../components/format';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { ownerLabel } from '../leads/pool-owner';
import { type RecordBase, recordPath, recordTestIds } from './record-kind';

export type Column<T> = TableColumnsType<T>[number];

/** What a list page gives its kind's columns. */
export interface ColumnOptions<C extends string> {
  t: TFunction;
  /** The optional columns to show, in display order. */
  visible: readonly C[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

/** The optional columns every kind has; a kind adds its own next to them. */
export function sharedColumns<T extends RecordBase>(o: ColumnOptions<string>) {
  const { t } = o;
  const columns: Record<'tier' | 'owner' | 'tags' | 'updatedAt' | 'createdAt', Column<T>> = {
    tier: { title: t('fields.tier'), key: 'tier', render: (_, r) => (r.tier ? t(`tiers.${r.tier}`) : EMPTY) },
    owner: {
      title: t('fields.owner'),
      key: 'owner',
      render: (_, r) => ownerLabel(o.staffNames, r.ownerId, t('leads.pool.title')),
    },
    tags: {
      title: t('fields.tags'),
      key: 'tags',
      render: (_, r) => <TagList tags={r.tags} onSelect={o.onTag} active={o.activeTag} />,
    },
    updatedAt: {
      title: t('fields.updatedAt'),
      key: 'updatedAt',
      render: (_, r) => <TimeStamp value={r.updatedAt} showAbsolute={false} />,
    },
    createdAt: {
      title: t('fields.createdAt'),
      key: 'createdAt',
      render: (_, r) => <TimeStamp value={r.createdAt} showAbsolute={false} />,
    },
  };
  return columns;
}

/**
 * The name, always shown and kept on the left; the visible optional columns; and in the trash, when
 * each record was deleted and its Restore button, kept on the right so it stays in reach when the
 * table scrolls sideways.
 */
export function recordColumns<T extends RecordBase, C extends string>(
  kind: RecordKind,
  optional: Record<C, Column<T>>,
  o: ColumnOptions<C>,
): TableColumnsType<T> {
  const { t } = o;
  const ids = recordTestIds(kind.entity);
  const columns: TableColumnsType<T> = [
    {
      title: t('fields.name'),
      key: 'name',
      fixed: 'left',
      render: (_, r) => (
        <Link to={recordPath(kind.resource, r.id)} data-testid={ids.link} className="record-link">
          {r.name}
        </Link>
      ),
    },
    ...o.visible.map((column) => ({ ...optional[column], key: column })),
  ];
  if (o.trash) {
    columns.push({
      title: t('fields.deletedAt'),
      key: 'deletedAt',
      render: (_, r) => <TimeStamp value={r.deletedAt} showAbsolute={false} />,
    });
    if (o.canRestore) {
      columns.push({
        title: t('common.actions'),
        key: 'actions',
        fixed: 'right',
        render: (_, r) => <RestoreButton resource={kind.resource} id={r.id} size="small" />,
      });
    }
  }
  return columns;
}
