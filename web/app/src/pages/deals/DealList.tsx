import { Button, Card, DatePicker, Flex, InputNumber, List, Select, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney, toMinor } from '../../../../../shared/domain/common/money';
import { type Deal, type DealListFilters, type Pipeline, useDealList } from '../../api/deals';
import { useAuth } from '../../auth/auth-context';
import { OwnerSelect } from '../../components/OwnerSelect';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { labelOf, STATUS_COLORS } from './stage-label';
import { useDealFilters } from './useDealFilters';

/**
 * The deal list with filters (owner, stage, close month, amount range, sort), kept in the URL so
 * a reload, the back button or a shared link shows the same list. Each page is one Query on the
 * API side (stage index, close-month index or recently updated, per scope).
 */
export function DealList({ pipeline, teamId }: { pipeline: Pipeline; teamId?: string }) {
  const { t, i18n } = useTranslation();
  const { can } = useAuth();
  const phone = useIsPhone();
  const { filters, set, clear } = useDealFilters(pipeline);
  // Amounts are typed in major units of CNY-like currencies; the API compares minor units.
  const query: DealListFilters = {
    pipelineId: pipeline.id,
    teamId,
    ownerId: filters.ownerId,
    stageId: filters.stageId,
    closeMonth: filters.closeMonth,
    minAmount: filters.minAmount === undefined ? undefined : toMinor(filters.minAmount, 'CNY'),
    maxAmount: filters.maxAmount === undefined ? undefined : toMinor(filters.maxAmount, 'CNY'),
    sort: filters.sort,
  };
  const list = useDealList(query);
  const stageLabel = (id: string) =>
    labelOf(
      pipeline.stages.find((s) => s.id === id),
      i18n.language,
    );
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const filtered = Boolean(
    filters.ownerId || filters.stageId || filters.closeMonth || filters.minAmount || filters.maxAmount,
  );

  const filterBar = (
    <Flex gap={8} wrap data-testid="deal-filters">
      {can('records:reassign') && (
        <OwnerSelect
          placeholder={t('deals.filters.owner')}
          value={filters.ownerId}
          onChange={(v) => set({ ownerId: v })}
          style={{ minWidth: 160 }}
        />
      )}
      <Select
        allowClear
        placeholder={t('deals.filters.stage')}
        value={filters.stageId}
        onChange={(v) => set({ stageId: v })}
        style={{ minWidth: 140 }}
        data-testid="deal-filter-stage"
        options={pipeline.stages.map((s) => ({ value: s.id, label: labelOf(s, i18n.language) }))}
      />
      <DatePicker
        picker="month"
        placeholder={t('deals.filters.closeMonth')}
        value={filters.closeMonth ? dayjs(`${filters.closeMonth}-01`) : null}
        onChange={(d) => set({ closeMonth: d ? d.format('YYYY-MM') : undefined })}
      />
      <InputNumber
        min={0}
        placeholder={t('deals.filters.minAmount')}
        value={filters.minAmount}
        onChange={(v) => set({ minAmount: v ?? undefined })}
      />
      <InputNumber
        min={0}
        placeholder={t('deals.filters.maxAmount')}
        value={filters.maxAmount}
        onChange={(v) => set({ maxAmount: v ?? undefined })}
      />
      <Select
        value={filters.sort}
        onChange={(v) => set({ sort: v })}
        style={{ minWidth: 150 }}
        options={[
          { value: 'updated', label: t('deals.filters.sortUpdated') },
          { value: 'closeDate', label: t('deals.filters.sortClose'), disabled: !filters.closeMonth },
        ]}
      />
      {filtered && (
        <Button onClick={clear} data-testid="deal-filters-clear">
          {t('deals.filters.clear')}
        </Button>
      )}
    </Flex>
  );

  if (list.isError)
    return (
      <Flex vertical gap={12}>
        {filterBar}
        <QueryState query={list} />
      </Flex>
    );

  const more = list.hasNextPage && (
    <Button block loading={list.isFetchingNextPage} onClick={() => list.fetchNextPage()} data-testid="deal-list-more">
      {t('deals.loadMore')}
    </Button>
  );

  return (
    <Flex vertical gap={12}>
      {filterBar}
      {phone ? (
        <List
          loading={list.isPending}
          dataSource={items}
          locale={{ emptyText: t('deals.empty') }}
          renderItem={(deal: Deal) => (
            <Card size="small" style={{ marginBottom: 8 }}>
              <Link to={`/deals/${deal.id}`}>
                <Typography.Text strong>{deal.name}</Typography.Text>
              </Link>
              <div>
                {formatMoney(deal.amount, deal.currency, i18n.language, { trimZeros: true })} ·{' '}
                {stageLabel(deal.stageId)} · {deal.expectedCloseDate}
              </div>
            </Card>
          )}
        />
      ) : (
        <Table<Deal>
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={items}
          pagination={false}
          data-testid="deal-table"
          locale={{ emptyText: t('deals.empty') }}
          scroll={{ x: 900 }}
          columns={[
            {
              title: t('deals.fields.name'),
              dataIndex: 'name',
              render: (name: string, deal) => <Link to={`/deals/${deal.id}`}>{name}</Link>,
            },
            { title: t('deals.fields.company'), dataIndex: 'companyName' },
            {
              title: t('deals.fields.amount'),
              dataIndex: 'amount',
              align: 'right',
              render: (_: number, deal) => formatMoney(deal.amount, deal.currency, i18n.language),
            },
            {
              title: t('deals.fields.stage'),
              dataIndex: 'stageId',
              render: (id: string, deal) => <Tag color={STATUS_COLORS[deal.status]}>{stageLabel(id)}</Tag>,
            },
            { title: t('deals.fields.probability'), dataIndex: 'probability', render: (p: number) => `${p}%` },
            { title: t('deals.fields.expectedCloseDate'), dataIndex: 'expectedCloseDate' },
            { title: t('deals.fields.owner'), dataIndex: 'ownerName' },
            {
              title: t('deals.fields.updatedAt'),
              dataIndex: 'updatedAt',
              render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            },
          ]}
        />
      )}
      {more}
    </Flex>
  );
}
