import { FilterOutlined } from '@ant-design/icons';
import { Badge, Button, Card, Flex, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuditLog } from '../../api/audit';
import { ListEmpty } from '../../components/ListEmpty';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { useIsPhone } from '../../layout/useIsPhone';
import { AuditExportButton } from './AuditExportButton';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { AUDIT_PARAMS, toAuditQuery } from './audit-params';

/** /app/settings/audit (administrators and system administrators): who changed what, and when. */
export function AuditLogPage() {
  const { t } = useTranslation();
  const { values, update, clear } = useListParams(AUDIT_PARAMS);
  const query = useMemo(() => toAuditQuery(values), [values]);
  const log = useAuditLog(query);
  const entries = log.data?.pages.flatMap((page) => page.items) ?? [];
  // On a phone the six filters would push the log below the fold; they fold behind a button.
  const phone = useIsPhone();
  const [filtersOpen, setFiltersOpen] = useState(false);

  let body: ReactNode;
  if (!log.isSuccess) body = <QueryState query={log} rows={6} />;
  else if (!entries.length) {
    body = (
      <ListEmpty
        trash={false}
        filtered={Object.keys(query).length > 0}
        texts={{ empty: t('audit.empty'), noMatch: t('audit.noMatch'), trashEmpty: t('audit.empty') }}
        onClearFilters={() => clear()}
      />
    );
  } else {
    body = (
      <>
        <AuditTable
          entries={entries}
          onFilterRecord={(entry) => update({ entity: entry.entity, entityId: entry.entityId })}
        />
        <LoadMore
          shown={entries.length}
          hasMore={log.hasNextPage}
          loading={log.isFetchingNextPage}
          onLoadMore={() => log.fetchNextPage()}
        />
      </>
    );
  }

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('audit.title')}
        subTitle={<Typography.Text type="secondary">{t('audit.intro')}</Typography.Text>}
        extra={<AuditExportButton query={query} />}
      />
      <Card size="small">
        <Flex vertical gap={12}>
          {phone && (
            <Flex>
              <Badge count={Object.keys(query).length} size="small">
                <Button
                  icon={<FilterOutlined />}
                  data-testid="toggle-filters"
                  aria-expanded={filtersOpen}
                  onClick={() => setFiltersOpen((open) => !open)}
                >
                  {t('list.filters')}
                </Button>
              </Badge>
            </Flex>
          )}
          {(!phone || filtersOpen) && <AuditFilters values={values} update={update} clear={() => clear()} />}
          {body}
        </Flex>
      </Card>
    </Flex>
  );
}
