import { FilterOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Skeleton } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { ContactFilters as Filters } from '../../api/contacts';
import { useContacts } from '../../api/contacts';
import { LIFECYCLE_STAGES, SORTS, TIERS } from '../../api/domain';
import { useStaffNames } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { ActiveTag } from '../../components/ActiveTag';
import { ColumnChooser } from '../../components/ColumnChooser';
import { ListEmpty } from '../../components/ListEmpty';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { SearchBox } from '../../components/SearchBox';
import { SortControl } from '../../components/SortControl';
import { oneOf, useListParams } from '../../components/useListParams';
import { useStoredColumns } from '../../components/useStoredColumns';
import { ViewToggle } from '../../components/ViewToggle';
import { useIsPhone } from '../../layout/useIsPhone';
import { ContactCards } from './ContactCards';
import { CONTACT_FILTER_KEYS, ContactFilters } from './ContactFilters';
import { ContactTable } from './ContactTable';
import { CONTACT_COLUMNS, contactColumnLabel, contactColumns, DEFAULT_CONTACT_COLUMNS } from './contact-columns';

const PARAM_KEYS = ['q', ...CONTACT_FILTER_KEYS, 'sort', 'order', 'view'] as const;
const ORDERS = ['asc', 'desc'] as const;
const VIEWS = ['active', 'deleted'] as const;

/** /app/contacts: search, filter, sort and page through contacts; the trash is a view of it. */
export function ContactsListPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = useAuth();
  const phone = useIsPhone();
  const staffNames = useStaffNames();
  const { values, update, clear } = useListParams(PARAM_KEYS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [visible, setVisible] = useStoredColumns('cirrus.contacts.columns', CONTACT_COLUMNS, DEFAULT_CONTACT_COLUMNS);

  const sort = oneOf(values.sort, SORTS) ?? 'updated';
  const order = oneOf(values.order, ORDERS);
  const view = oneOf(values.view, VIEWS) ?? 'active';
  const trash = view === 'deleted';
  const filters: Filters = {
    q: values.q,
    tag: values.tag,
    ownerId: values.ownerId,
    lifecycleStage: oneOf(values.lifecycleStage, LIFECYCLE_STAGES),
    tier: oneOf(values.tier, TIERS),
    companyId: values.companyId,
    sort,
    order,
    view,
  };
  const activeFilters = CONTACT_FILTER_KEYS.filter((key) => values[key]).length;
  const filtered = activeFilters > 0 || Boolean(values.q);

  const list = useContacts(filters);
  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];
  const onTag = (tag: string) => update({ tag: tag === values.tag ? undefined : tag });
  const canWrite = can('contacts:write');
  const canRestore = can('contacts:delete');

  const newButton = canWrite && (
    <Button type="primary" icon={<PlusOutlined />} data-testid="new-contact" onClick={() => navigate('/contacts/new')}>
      {t('contacts.new')}
    </Button>
  );

  let body: ReactNode;
  if (list.isPending) {
    body = <Skeleton active paragraph={{ rows: 8 }} data-testid="list-loading" />;
  } else if (list.isError) {
    body = <QueryError error={list.error} onRetry={() => list.refetch()} retrying={list.isFetching} />;
  } else if (contacts.length === 0) {
    body = (
      <ListEmpty
        trash={trash}
        filtered={filtered}
        texts={{ empty: t('contacts.empty'), noMatch: t('contacts.noMatch'), trashEmpty: t('list.trashEmpty') }}
        onClearFilters={() => clear(['view', 'sort', 'order'])}
        createAction={newButton}
      />
    );
  } else {
    body = (
      <>
        {phone ? (
          <ContactCards
            contacts={contacts}
            staffNames={staffNames}
            activeTag={values.tag}
            onTag={onTag}
            trash={trash}
            canRestore={canRestore}
          />
        ) : (
          <ContactTable
            contacts={contacts}
            columns={contactColumns({
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
          shown={contacts.length}
          hasMore={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoadMore={() => list.fetchNextPage()}
        />
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader title={t('contacts.title')} extra={newButton} />
      <Card size="small">
        <Flex vertical gap={12}>
          <Flex gap={8} wrap align="center">
            <div style={{ flex: '1 1 220px', maxWidth: 360 }}>
              <SearchBox
                testId="contact-search"
                placeholder={t('contacts.search')}
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
                columns={CONTACT_COLUMNS.map((key) => ({ key, label: contactColumnLabel(key, t) }))}
                visible={visible}
                onChange={setVisible}
              />
            )}
          </Flex>
          {(!phone || filtersOpen) && <ContactFilters values={values} onChange={update} />}
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
