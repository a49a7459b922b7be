import { Card, Empty, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../../shared/domain/common/money';
import type { HomePage } from '../../api/work';

type Deals = NonNullable<HomePage['deals']>;

/**
 * "My open deals by stage": one compact bar per open stage (its length is the stage's share of
 * the fullest stage), with the count and the amount per currency; the card opens the board.
 */
export function HomeDealsCard({ deals }: { deals: Deals }) {
  const { t, i18n } = useTranslation();
  const zh = i18n.language.startsWith('zh');
  const total = deals.stages.reduce((n, s) => n + s.count, 0);
  const fullest = Math.max(1, ...deals.stages.map((s) => s.count));
  const board = `/deals?pipeline=${encodeURIComponent(deals.pipelineId)}`;
  return (
    <Card
      size="small"
      data-testid="home-deals"
      title={
        <Flex gap={8} align="baseline" wrap>
          {t('work.home.deals')}
          {total > 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
              {t('work.home.dealsTotal', { count: total })}
            </Typography.Text>
          )}
        </Flex>
      }
      extra={<Link to={board}>{t('work.home.openBoard')}</Link>}
    >
      {total === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('work.home.noDeals')} />
      ) : (
        <Flex vertical gap={10} data-testid="home-deals-stages">
          {deals.stages.map((stage) => (
            <Link
              key={stage.stageId}
              to={board}
              data-testid="home-deal-stage"
              data-stage-id={stage.stageId}
              data-count={stage.count}
              style={{ color: 'inherit' }}
            >
              <Flex justify="space-between" align="baseline" gap={8} wrap>
                <Typography.Text strong>{zh ? stage.label.zh : stage.label.en}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('work.home.dealsCount', { count: stage.count })}
                  {stage.amounts
                    .map((a) => ` · ${formatMoney(a.amount, a.currency, i18n.language, { trimZeros: true })}`)
                    .join('')}
                </Typography.Text>
              </Flex>
              <Progress
                percent={(stage.count / fullest) * 100}
                showInfo={false}
                status="normal"
                size="small"
                strokeColor={stage.count ? undefined : 'transparent'}
                style={{ margin: 0 }}
                aria-hidden
              />
            </Link>
          ))}
        </Flex>
      )}
    </Card>
  );
}
