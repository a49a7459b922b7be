import { Card, Col, Empty, Flex, List, Row, Select, Statistic, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import { type Figures, type SalesDashboard, useSalesDashboard } from '../../api/forecast';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { formatPercent, mainCurrency } from '../forecast/figures';
import { type ChartOption, EChart } from './EChart';

/** `t` as the chart builders use it (plain keys; the typed keys are checked where the JSX calls it). */
type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * /app/dashboard/sales (managers for their teams, admins for the company): the funnel from the
 * board totals, forecast vs quota, the win-rate trend, deals closing this month and top reps.
 * Its own lazy route chunk carries ECharts, so the console entry stays small.
 */
export function SalesDashboardPage() {
  const { t } = useTranslation();
  const dashboard = useSalesDashboard();
  const scope = dashboard.data?.scope;
  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('dashboard.sales.title')}
        subTitle={
          <Typography.Text type="secondary">
            {t('dashboard.sales.intro', {
              scope:
                scope === 'team'
                  ? t('dashboard.sales.scopeTeam')
                  : scope === 'owner'
                    ? t('dashboard.sales.scopeOwner')
                    : t('dashboard.sales.scopeAll'),
            })}
          </Typography.Text>
        }
      />
      <QueryState query={dashboard} rows={10}>
        {(data) => <DashboardBody data={data} />}
      </QueryState>
    </Flex>
  );
}

function currenciesOf(data: SalesDashboard): string[] {
  const all = new Set<string>();
  for (const f of [...data.forecast.month, ...data.forecast.quarter]) all.add(f.currency);
  for (const s of data.funnel.stages) for (const a of s.amounts) all.add(a.currency);
  for (const r of data.topReps) all.add(r.currency);
  return [...all].sort();
}

function DashboardBody({ data }: { data: SalesDashboard }) {
  const { t: typedT, i18n } = useTranslation();
  const t = typedT as unknown as T;
  const phone = useIsPhone();
  const lang = i18n.language;
  const currencies = currenciesOf(data);
  const [picked, setPicked] = useState<string | undefined>();
  const currency = picked ?? mainCurrency(data.forecast.quarter) ?? currencies[0] ?? 'USD';
  const zh = lang.startsWith('zh');

  const funnel = useMemo(() => funnelChart(data, currency, zh, t, lang), [data, currency, zh, t, lang]);
  const vsQuota = useMemo(() => quotaChart(data, currency, t, lang), [data, currency, t, lang]);
  const winRate = useMemo(() => winRateChart(data, t, lang), [data, t, lang]);
  const reps = useMemo(() => repsChart(data, currency, lang), [data, currency, lang]);
  const month = data.forecast.month.find((f) => f.currency === currency);
  const quarter = data.forecast.quarter.find((f) => f.currency === currency);

  return (
    <Flex vertical gap={16}>
      {data.truncated && <Typography.Text type="warning">{t('dashboard.sales.truncated')}</Typography.Text>}
      {currencies.length > 1 && (
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('dashboard.sales.currency')}</Typography.Text>
          <Select
            data-testid="dashboard-currency"
            value={currency}
            style={{ width: 100 }}
            options={currencies.map((c) => ({ value: c, label: c }))}
            onChange={setPicked}
          />
        </Flex>
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} md={12}>
          <Headline title={t('dashboard.sales.thisMonth', { month: data.month })} f={month} currency={currency} />
        </Col>
        <Col xs={24} md={12}>
          <Headline
            title={t('dashboard.sales.thisQuarter', { quarter: data.quarter })}
            f={quarter}
            currency={currency}
          />
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.sales.funnel')}>
            <EChart option={funnel} height={phone ? 260 : 300} testId="chart-funnel" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.sales.forecastVsQuota')}>
            <EChart option={vsQuota} height={phone ? 260 : 300} testId="chart-forecast" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.sales.winRate')}>
            <EChart option={winRate} height={phone ? 220 : 260} testId="chart-win-rate" />
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card size="small" title={t('dashboard.sales.topReps')}>
            {data.topReps.some((r) => r.currency === currency) ? (
              <EChart option={reps} height={phone ? 220 : 260} testId="chart-top-reps" />
            ) : (
              <Empty description={t('dashboard.sales.noReps')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t('dashboard.sales.closing')}>
            <Typography.Text type="secondary" data-testid="closing-count">
              {t('dashboard.sales.closingCount', { count: data.closingThisMonth.count, month: data.month })}
            </Typography.Text>
            {data.closingThisMonth.items.length ? (
              <List
                size="small"
                dataSource={data.closingThisMonth.items}
                rowKey="id"
                renderItem={(d) => (
                  <List.Item data-testid="closing-deal">
                    <Flex justify="space-between" gap={8} wrap style={{ width: '100%' }}>
                      <Flex vertical gap={0} style={{ minWidth: 0 }}>
                        <Link to={`/deals/${encodeURIComponent(d.id)}`}>{d.name}</Link>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {d.ownerName} · {d.expectedCloseDate} · {d.probability}%
                        </Typography.Text>
                      </Flex>
                      <Typography.Text strong>{formatMoney(d.amount, d.currency, lang)}</Typography.Text>
                    </Flex>
                  </List.Item>
                )}
              />
            ) : (
              <Empty description={t('dashboard.sales.noDeals')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
            )}
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

function Headline({ title, f, currency }: { title: string; f: Figures | undefined; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const money = (v: number | null | undefined) => formatMoney(v ?? 0, currency, lang);
  return (
    <Card size="small" title={title} data-testid="headline">
      <Row gutter={[12, 12]}>
        <Col xs={12} sm={6}>
          <Statistic title={t('dashboard.forecast.won')} value={money(f?.wonAmount)} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('dashboard.forecast.quota')} value={f?.quota == null ? '—' : money(f.quota)} />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic
            title={t('dashboard.forecast.attainment')}
            value={formatPercent(f?.attainment ?? null, lang)}
            valueRender={(node) => <span data-testid="headline-attainment">{node}</span>}
          />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('dashboard.forecast.weighted')} value={money(f?.weighted)} />
        </Col>
      </Row>
    </Card>
  );
}

const compact = (currency: string, lang: string) => (v: number) =>
  formatMoney(toMinor(v, currency), currency, lang, { compact: true });

/**
 * Pipeline by stage in stage order, as horizontal bars (a funnel drawn by value would reorder the
 * stages, or pinch them when a middle stage is empty): amount in the chosen currency, count in the label.
 */
function funnelChart(data: SalesDashboard, currency: string, zh: boolean, t: T, lang: string): ChartOption {
  const stages = data.funnel.stages.filter((s) => s.kind !== 'lost');
  const amountOf = (s: (typeof stages)[number]) => s.amounts.find((a) => a.currency === currency)?.amount ?? 0;
  const fmt = compact(currency, lang);
  const names = stages.map((s) => (zh ? s.label.zh : s.label.en));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { dataIndex: number; value: number }) =>
        `${names[p.dataIndex]}<br/>${t('dashboard.sales.deals', { count: stages[p.dataIndex]!.count })} · ${fmt(p.value)}`,
    },
    grid: { left: 8, right: 48, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: fmt } },
    yAxis: { type: 'category', inverse: true, data: names },
    series: [
      {
        type: 'bar',
        barMaxWidth: 28,
        label: {
          show: true,
          position: 'right',
          formatter: (p: { dataIndex: number }) => `${stages[p.dataIndex]!.count}`,
        },
        data: stages.map((s) => ({
          value: toMajor(amountOf(s), currency),
          itemStyle: { color: s.kind === 'won' ? '#52c41a' : '#1677ff' },
        })),
      },
    ],
  };
}

function quotaChart(data: SalesDashboard, currency: string, t: T, lang: string): ChartOption {
  const periods = [data.month, data.quarter];
  const figures = [data.forecast.month, data.forecast.quarter].map((list) => list.find((f) => f.currency === currency));
  const pick = (fn: (f: Figures) => number | null) => figures.map((f) => (f ? toMajor(fn(f) ?? 0, currency) : 0));
  const fmt = compact(currency, lang);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, bottom: 8, top: 40, containLabel: true },
    xAxis: { type: 'category', data: periods },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: [
      { name: t('dashboard.forecast.won'), type: 'bar', data: pick((f) => f.wonAmount) },
      { name: t('dashboard.forecast.commit'), type: 'bar', data: pick((f) => f.commit) },
      { name: t('dashboard.forecast.weighted'), type: 'bar', data: pick((f) => f.weighted) },
      { name: t('dashboard.forecast.bestCase'), type: 'bar', data: pick((f) => f.bestCase) },
      {
        name: t('dashboard.forecast.quota'),
        type: 'line',
        symbolSize: 10,
        data: pick((f) => f.quota),
      },
    ],
  };
}

function winRateChart(data: SalesDashboard, t: T, lang: string): ChartOption {
  return {
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? formatPercent(v / 100, lang) : '—'),
    },
    grid: { left: 8, right: 16, bottom: 8, top: 16, containLabel: true },
    xAxis: { type: 'category', data: data.winRate.map((p) => p.month) },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      {
        name: t('dashboard.forecast.winRate'),
        type: 'line',
        connectNulls: true,
        data: data.winRate.map((p) => (p.winRate === null ? null : Math.round(p.winRate * 100))),
      },
    ],
  };
}

function repsChart(data: SalesDashboard, currency: string, lang: string): ChartOption {
  const reps = data.topReps.filter((r) => r.currency === currency).reverse();
  const fmt = compact(currency, lang);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
    grid: { left: 8, right: 24, bottom: 8, top: 8, containLabel: true },
    xAxis: { type: 'value', axisLabel: { formatter: fmt } },
    yAxis: { type: 'category', data: reps.map((r) => r.name) },
    series: [{ type: 'bar', barMaxWidth: 28, data: reps.map((r) => toMajor(r.wonAmount, currency)) }],
  };
}
