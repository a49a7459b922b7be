import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, type TableColumnsType } from 'antd';
import { type ComponentType, type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePhoneSensitive } from '../../api/custom-fields';
import { SORTS, type Sort } from '../../api/domain';
import type { RecordsApi } from '../../api/records';
import { useStaffNames } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { ActiveTag } from '../../components/ActiveTag';
import { ColumnChooser } from '../../components/ColumnChooser';
import { ListEmpty } from '../../components/ListEmpty';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { SearchBox } from '../../components/SearchBox';
import { SortControl } from '../../components/SortControl';
import { oneOf, useListParams } from '../../components/useListParams';
import { useStoredColumns } from '../../components/useStoredColumns';
import { ViewToggle } from '../../components/ViewToggle';
import { useIsPhone } from '../../layout/useIsPhone';
import type { RecordCardsProps } from './RecordCards';
import { type FilterProps, SHARED_FILTER_KEYS, type SharedFilterKey } from './RecordFilters';
import { RecordTable } from './RecordTable';
import type { ColumnOptions } from './record-columns';
import { type FieldKey, type RecordBase, recordPath, recordTestIds } from './record-kind';

const ORDERS = ['asc', 'desc'] as const;
const VIEWS = ['active', 'deleted'] as const;

/** The parts of the list query every kind has. */
export interface SharedListQuery {
  q?: string;
  tag?: string;
  ownerId?: string;
  sort: Sort;
  order?: (typeof ORDERS)[number];
  view: (typeof VIEWS)[number];
}

/** What a kind's list page shows and asks for; C are its optional columns, F its own filters. */
export interface RecordListConfig<T extends RecordBase, Query, C extends FieldKey, F extends string> {
  api: Pick<RecordsApi<T, unknown, unknown, Query>, 'resource' | 'entity' | 'useList'>;
  /** The optional columns in display order, and those shown until the user chooses. */
  columns: readonly C[];
  defaultColumns: readonly C[];
  buildColumns: (options: ColumnOptions<C>) => TableColumnsType<T>;
  /** The kind's own filters, after tag and owner. */
  filterKeys: readonly F[];
  /** The whole GET query, in the order its parameters are sent: the shared parts and the kind's filters. */
  query: (values: Partial<Record<F, string>>, shared: SharedListQuery) => Query;
  Filters: ComponentType<FilterProps<SharedFilterKey | F>>;
  Cards: ComponentType<RecordCardsProps<T>>;
}

/** /app/{resource}: search, filter, sort and page through records; the trash is a view of it. */
export function RecordListPage<T extends RecordBase, Query, C extends FieldKey, F extends string>({
  config,
}: {
  config: RecordListConfig<T, Query, C, F>;
}) {
  const { resource, entity } = config.api;
  const ids = recordTestIds(entity);
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  // A sensitive phone is matched whole (blind index): the search hint says so.
  const phoneSensitive = usePhoneSensitive(entity === 'contact' && can('customFields:read'));
  const phone = useIsPhone();
  const staffNames = useStaffNames();
  // The URL's parameters; string keys, as the kind's own filters are only known to the kind.
  const paramKeys = useMemo(
    (): readonly string[] => ['q', ...SHARED_FILTER_KEYS, ...config.filterKeys, 'sort', 'order', 'view'],
    [config.filterKeys],
  );
  const { values, update, clear } = useListParams(paramKeys);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [visible, setVisible] = useStoredColumns(`cirrus.${resource}.columns`, config.columns, config.defaultColumns);

  const sort = oneOf(values.sort, SORTS) ?? 'updated';
  const order = oneOf(values.order, ORDERS);
  const view = oneOf(values.view, VIEWS) ?? 'active';
  const trash = view === 'deleted';
  const query = config.query(values, { q: values.q, tag: values.tag, ownerId: values.ownerId, sort, order, view });
  const activeFilters = [...SHARED_FILTER_KEYS, ...config.filterKeys].filter((key) => values[key]).length;
  const filtered = activeFilters > 0 || Boolean(values.q);

  const list = config.api.useList(query);
  const records = list.data?.pages.flatMap((page) => page.items) ?? [];
  const onTag = (tag: string) => update({ tag: tag === values.tag ? undefined : tag });
  const canWrite = can(`${resource}:write`);
  const canRestore = can(`${resource}:delete`);

  const newButton = canWrite && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      data-testid={ids.create}
      onClick={() => navigate(`${recordPath(resource)}/new`)}
    >
      {t(`${resource}.new`)}
    </Button>
  );

  let body: ReactNode;
  if (!list.isSuccess) {
    body = <QueryState query={list} rows={8} />;
  } else if (records.length === 0) {
    body = (
      <ListEmpty
        trash={trash}
        filtered={filtered}
        texts={{ empty: t(`${resource}.empty`), noMatch: t(`${resource}.noMatch`), trashEmpty: t('list.trashEmpty') }}
        onClearFilters={() => clear(['view', 'sort', 'order'])}
        createAction={newButton}
      />
    );
  } else {
    const { Cards } = config;
    body = (
      <>
        {phone ? (
          <Cards
            records={records}
            staffNames={staffNames}
            activeTag={values.tag}
            onTag={onTag}
            trash={trash}
            canRestore={canRestore}
          />
        ) : (
          <RecordTable
            kind={config.api}
            records={records}
            columns={config.buildColumns({
              t,
              visible,
              staffNames,
              activeTag: values.tag,
              onTag,
              trash,
              canRestore,
            })}
          />
        )}
        <LoadMore
          shown={records.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => list.fetchNextPage()}
        />
      </>
    );
  }

  const { Filters } = config;
  return (
    <Flex vertical gap={16}>
      <PageHeader title={t(`${resource}.title`)} extra={newButton} />
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <div style={{ flex: '1 1 220px', maxWidth: 360 }}>
              <SearchBox
                testId={ids.search}
                placeholder={phoneSensitive ? t('contacts.searchExactPhone') : t(`${resource}.search`)}
                value={values.q}
                onSearch={(q) => update({ q })}
              />
            </div>
            {phone && (
              <Badge count={activeFilters} size="small">
                <Button
                  icon={<FilterOutlined />}
                  data-testid="toggle-filters"
                  aria-expanded={filtersOpen}
                  onClick={() => setFiltersOpen((open) => !open)}
                >
                  {t('list.filters')}
                </Button>
              </Badge>
            )}
            <ViewToggle value={view} onChange={(next) => update({ view: next === 'active' ? undefined : next })} />
            <SortControl
              sort={sort}
              order={order}
              onChange={(nextSort, nextOrder) =>
                update({ sort: nextSort === 'updated' ? undefined : nextSort, order: nextOrder })
              }
            />
            {!phone && (
              <ColumnChooser
                columns={config.columns.map((key) => ({ key, label: t(`fields.${key}`) }))}
                visible={visible}
                onChange={setVisible}
              />
            )}
          </Flex>
          {(!phone || filtersOpen) && <Filters values={values} onChange={update} />}
          {values.tag && (
            <div>
              <ActiveTag tag={values.tag} onClear={() => update({ tag: undefined })} />
            </div>
          )}
          {trash && <Alert type="info" showIcon title={t('list.trashNote')} />}
        </Flex>
      </Card>
      <Card size="small" styles={{ body: { padding: phone ? 8 : 12 } }}>
        {body}
      </Card>
    </Flex>
  );
}
