import { InboxOutlined, PlusOutlined, RollbackOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Input, List, Popconfirm, Select, Skeleton, Tabs, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { type PoolLead, useClaimLead, usePool, useReleaseLead } from '../../api/leads';
import { useMe } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { TimeStamp } from '../../components/TimeStamp';
import { useDebouncedValue } from '../../components/useDebouncedValue';
import { useIsPhone } from '../../layout/useIsPhone';
import { leadErrorMessage } from './lead-errors';
import { NewLeadModal } from './NewLeadModal';

/** /app/leads (leads:claim): the lead pool (公海) of one's teams, and one's own leads with a release action. */
export function LeadPoolPage() {
  const { t } = useTranslation();
  const [tab, setTab] = useState('pool');
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('leads.pool.title')}
        subTitle={<Typography.Text type="secondary">{t('leads.pool.intro')}</Typography.Text>}
      />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'pool',
            label: <span data-testid="tab-pool">{t('leads.pool.tabs.pool')}</span>,
            children: <PoolList />,
          },
          {
            key: 'mine',
            label: <span data-testid="tab-mine">{t('leads.pool.tabs.mine')}</span>,
            children: <MyLeads />,
          },
        ]}
      />
    </Flex>
  );
}

function PoolList() {
  const { t } = useTranslation();
  const phone = useIsPhone();
  const { message } = App.useApp();
  const { can } = useAuth();
  const [adding, setAdding] = useState(false);
  const [teamId, setTeamId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);
  const pool = usePool(teamId, q);
  const claim = useClaimLead();
  const [pools, setPools] = useState<{ teamId: string; name: string }[]>([]);
  const first = pool.data?.pages[0];
  // The pool picker's choices come with a first page; keep them while another pool loads.
  useEffect(() => {
    if (first?.pools) setPools(first.pools);
  }, [first?.pools]);

  const onClaim = async (lead: PoolLead) => {
    try {
      await claim.mutateAsync(lead.id);
      message.success(t('leads.pool.claimed', { name: lead.name }));
    } catch (error) {
      message.error(leadErrorMessage(error, t));
    }
  };

  const items = pool.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Flex vertical gap={12}>
      <Flex gap={8} wrap align="center">
        <Select
          data-testid="pool-team"
          style={{ minWidth: phone ? '100%' : 200 }}
          value={teamId ?? first?.teamId}
          onChange={setTeamId}
          options={pools.map((p) => ({ value: p.teamId, label: p.name || t('leads.pool.sharedPool') }))}
          aria-label={t('leads.pool.team')}
        />
        <Input.Search
          allowClear
          data-testid="pool-search"
          placeholder={t('leads.pool.search')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ maxWidth: phone ? '100%' : 280 }}
        />
        {first && (
          <Typography.Text type="secondary" data-testid="pool-held">
            {t('leads.pool.held', { count: first.held })}
          </Typography.Text>
        )}
        {can('contacts:write') && pools.length > 0 && (
          <Button
            icon={<PlusOutlined />}
            data-testid="new-lead"
            onClick={() => setAdding(true)}
            style={{ marginInlineStart: 'auto' }}
          >
            {t('leads.create.open')}
          </Button>
        )}
      </Flex>
      {adding && (
        <NewLeadModal pools={pools} defaultTeamId={teamId ?? first?.teamId} onClose={() => setAdding(false)} />
      )}
      <Card size="small">
        {!pool.isSuccess ? (
          <QueryState query={pool} />
        ) : items.length === 0 ? (
          <Empty
            image={<InboxOutlined style={{ fontSize: 48 }} />}
            description={t('leads.pool.empty')}
            data-testid="empty-state"
          />
        ) : (
          <List<PoolLead>
            dataSource={items}
            rowKey="id"
            renderItem={(lead) => (
              <List.Item
                data-testid="pool-row"
                data-lead-name={lead.name}
                actions={
                  phone
                    ? undefined
                    : [
                        <ClaimButton
                          key="claim"
                          lead={lead}
                          loading={claim.isPending && claim.variables === lead.id}
                          onClaim={onClaim}
                        />,
                      ]
                }
              >
                <Flex vertical gap={4} style={{ width: '100%', minWidth: 0 }}>
                  <Flex gap={8} wrap align="center">
                    <Typography.Text strong>{lead.name}</Typography.Text>
                    {lead.companyName && <Typography.Text type="secondary">{lead.companyName}</Typography.Text>}
                  </Flex>
                  <Flex gap={4} wrap>
                    {lead.title && <Tag>{lead.title}</Tag>}
                    {lead.source && <Tag color="blue">{lead.source}</Tag>}
                    {lead.country && <Tag>{lead.country}</Tag>}
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('leads.pool.pooledAt')} <TimeStamp value={lead.pooledAt} />
                  </Typography.Text>
                  {lead.cooldownUntil && (
                    <Typography.Text type="warning" style={{ fontSize: 12 }} data-testid="pool-cooldown">
                      {t('leads.pool.cooldown', { date: lead.cooldownUntil.slice(0, 10) })}
                    </Typography.Text>
                  )}
                  {phone && (
                    <ClaimButton
                      lead={lead}
                      loading={claim.isPending && claim.variables === lead.id}
                      onClaim={onClaim}
                      block
                    />
                  )}
                </Flex>
              </List.Item>
            )}
          />
        )}
        {items.length > 0 && (
          <LoadMore
            shown={items.length}
            hasMore={Boolean(pool.hasNextPage)}
            loading={pool.isFetchingNextPage}
            onLoadMore={() => void pool.fetchNextPage()}
          />
        )}
      </Card>
    </Flex>
  );
}

function ClaimButton({
  lead,
  loading,
  onClaim,
  block,
}: {
  lead: PoolLead;
  loading: boolean;
  onClaim: (lead: PoolLead) => void;
  block?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Button
      type="primary"
      size="small"
      block={block}
      data-testid="claim-lead"
      loading={loading}
      disabled={Boolean(lead.cooldownUntil)}
      onClick={() => onClaim(lead)}
    >
      {t('leads.pool.claim')}
    </Button>
  );
}

interface LeadContact {
  id: string;
  name: string;
  companyName?: string;
  source?: string;
  updatedAt: string;
}

/** One's own contacts in the lead stage (the owner index), each with a release action. */
function MyLeads() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const release = useReleaseLead();
  const mine = useQuery({
    queryKey: ['contacts', 'my-leads', me.data?.id],
    queryFn: ({ signal }) =>
      api.get<{ items: LeadContact[] }>(
        '/api/contacts',
        { lifecycleStage: 'lead', ownerId: me.data?.id, sort: 'updated', limit: 100 },
        signal,
      ),
    enabled: Boolean(me.data?.id),
  });
  if (me.isPending) return <Skeleton active paragraph={{ rows: 4 }} />;
  if (!mine.isSuccess || !mine.data.items.length) {
    return <QueryState query={mine} isEmpty={(data) => !data.items.length} empty={t('leads.pool.mineEmpty')} />;
  }
  return (
    <Card size="small">
      <List<LeadContact>
        dataSource={mine.data.items}
        rowKey="id"
        renderItem={(lead) => (
          <List.Item data-testid="my-lead-row" data-lead-name={lead.name}>
            <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
              <Flex vertical gap={2} style={{ minWidth: 0 }}>
                <Link to={`/contacts/${lead.id}`}>
                  <Typography.Text strong>{lead.name}</Typography.Text>
                </Link>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {[lead.companyName, lead.source].filter(Boolean).join(' · ')}
                </Typography.Text>
              </Flex>
              <Popconfirm
                title={t('leads.pool.releaseConfirm', { name: lead.name })}
                description={t('leads.pool.releaseHint')}
                okText={t('leads.pool.release')}
                cancelText={t('common.cancel')}
                okButtonProps={{ ...({ 'data-testid': 'confirm-release' } as object) }}
                onConfirm={async () => {
                  try {
                    await release.mutateAsync(lead.id);
                    message.success(t('leads.pool.released', { name: lead.name }));
                  } catch (error) {
                    message.error(leadErrorMessage(error, t));
                  }
                }}
              >
                <Button size="small" icon={<RollbackOutlined />} data-testid="release-lead">
                  {t('leads.pool.release')}
                </Button>
              </Popconfirm>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}
