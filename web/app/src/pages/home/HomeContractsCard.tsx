import { Card, Empty, Flex, List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { HomePage } from '../../api/work';

type Expiring = NonNullable<HomePage['contractsExpiring']>;

/** How urgent an end date looks: a week or less is red, two weeks orange. */
function urgency(daysLeft: number): string | undefined {
  if (daysLeft <= 7) return 'red';
  if (daysLeft <= 14) return 'orange';
  return undefined;
}

/** Contracts in my scope that end within the next 30 days, soonest first; each opens its contract. */
export function HomeContractsCard({ contracts }: { contracts: Expiring }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      data-testid="home-contracts"
      title={t('work.home.contracts')}
      extra={<Link to="/contracts?status=expiring">{t('work.home.allContracts')}</Link>}
    >
      {contracts.items.length === 0 ? (
        <Empty
          image={Empty.PRESENTED_IMAGE_SIMPLE}
          description={t('work.home.noContracts', { days: contracts.withinDays })}
        />
      ) : (
        <List
          size="small"
          data-testid="home-contracts-list"
          dataSource={contracts.items}
          renderItem={(c) => (
            <List.Item key={c.id} data-testid="home-contract" data-contract-id={c.id} style={{ paddingInline: 0 }}>
              <Flex justify="space-between" align="flex-start" gap={8} style={{ width: '100%', minWidth: 0 }}>
                <Flex vertical style={{ minWidth: 0, flex: 1 }}>
                  <Link to={`/contracts/${encodeURIComponent(c.id)}`} className="record-link-ellipsis">
                    {c.title}
                  </Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} className="record-link-ellipsis">
                    {c.number} · {c.companyName}
                  </Typography.Text>
                </Flex>
                <Flex vertical align="flex-end" style={{ flex: 'none' }}>
                  <Tag color={urgency(c.daysLeft)} style={{ marginInlineEnd: 0 }}>
                    {c.daysLeft === 0 ? t('work.home.endsToday') : t('work.home.endsIn', { count: c.daysLeft })}
                  </Tag>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    <time dateTime={c.endDate}>{c.endDate}</time>
                  </Typography.Text>
                </Flex>
              </Flex>
            </List.Item>
          )}
        />
      )}
      {contracts.more && (
        <Link to="/contracts?status=expiring" style={{ display: 'block', marginTop: 8, fontSize: 12 }}>
          {t('work.home.allContracts')} →
        </Link>
      )}
    </Card>
  );
}
