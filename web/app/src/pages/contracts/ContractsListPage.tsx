import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, List, Segmented, Table, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../../shared/domain/common/money';
import { type ContractView, useContracts } from '../../api/contracts';
import { useAuth } from '../../auth/auth-context';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { oneOf, useListParams } from '../../components/useListParams';
import { useIsPhone } from '../../layout/useIsPhone';
import { ContractFormModal } from './ContractFormModal';
import { STATUS_COLORS } from './status';

const FILTERS = ['all', 'expiring', 'active', 'expired', 'draft', 'renewed', 'terminated'] as const;
type Filter = (typeof FILTERS)[number];
const PARAMS = ['status'] as const;

/**
 * Contracts in one's scope, a page at a time by the API's cursor; "expiring soon" reads the
 * end-date index (next 30 days). The filter is in the URL, so a reload or a shared link keeps it.
 */
export function ContractsListPage() {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const phone = useIsPhone();
  const params = useListParams(PARAMS);
  const filter: Filter = oneOf(params.values.status, FILTERS) ?? 'all';
  const [creating, setCreating] = useState(false);
  const contracts = useContracts(filter === 'all' ? {} : { status: filter });
  const status = (c: ContractView) => (
    <Tag color={STATUS_COLORS[c.status]} data-testid="contract-status">
      {t(`contracts.status.${c.status}`)}
    </Tag>
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('contracts.title')}
        extra={
          can('contracts:write') && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="new-contract" onClick={() => setCreating(true)}>
              {t('contracts.new')}
            </Button>
          )
        }
      />
      <div style={{ overflowX: 'auto' }}>
        <Segmented<Filter>
          value={filter}
          onChange={(next) => params.update({ status: next === 'all' ? undefined : next })}
          options={FILTERS.map((f) => ({
            value: f,
            label: <span data-testid={`contract-filter-${f}`}>{t(`contracts.filters.${f}`)}</span>,
          }))}
        />
      </div>
      <QueryState query={contracts}>
        {(data) => {
          const items = data.pages.flatMap((page) => page.items);
          return (
            <>
              {phone ? (
                <List
                  dataSource={items}
                  locale={{ emptyText: t('contracts.empty') }}
                  renderItem={(c) => (
                    <Card size="small" style={{ marginBottom: 8 }} data-testid="contract-card">
                      <Flex justify="space-between" gap={8}>
                        <Link to={`/contracts/${c.id}`}>
                          {c.number} · {c.title}
                        </Link>
                        {status(c)}
                      </Flex>
                      <div>{c.companyName}</div>
                      <div>
                        {t('contracts.fields.endDate')}: {c.endDate} · {formatMoney(c.value, c.currency, i18n.language)}
                      </div>
                    </Card>
                  )}
                />
              ) : (
                <Table<ContractView>
                  rowKey="id"
                  dataSource={items}
                  pagination={false}
                  locale={{ emptyText: t('contracts.empty') }}
                  columns={[
                    {
                      title: t('contracts.fields.number'),
                      render: (_, c) => (
                        <Link to={`/contracts/${c.id}`} data-testid="contract-link">
                          {c.number}
                        </Link>
                      ),
                    },
                    { title: t('contracts.fields.title'), dataIndex: 'title' },
                    { title: t('contracts.fields.company'), dataIndex: 'companyName' },
                    { title: t('contracts.fields.endDate'), dataIndex: 'endDate' },
                    {
                      title: t('contracts.fields.value'),
                      render: (_, c) => formatMoney(c.value, c.currency, i18n.language),
                    },
                    {
                      title: t('contracts.fields.outstanding'),
                      render: (_, c) => formatMoney(c.outstanding, c.currency, i18n.language),
                    },
                    { title: t('contracts.fields.status'), render: (_, c) => status(c) },
                  ]}
                />
              )}
              <LoadMore
                shown={items.length}
                hasMore={contracts.hasNextPage}
                loading={contracts.isFetchingNextPage}
                onLoadMore={() => contracts.fetchNextPage()}
              />
            </>
          );
        }}
      </QueryState>
      {creating && <ContractFormModal onClose={() => setCreating(false)} />}
    </Flex>
  );
}
