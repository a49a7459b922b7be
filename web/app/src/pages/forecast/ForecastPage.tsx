import {
  Card,
  Descriptions,
  Empty,
  Flex,
  List,
  Progress,
  Segmented,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from 'antd';
import { type HTMLAttributes, type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { toMajor, toMinor } from '../../../../../shared/domain/common/money';
import { type ForecastResult, type GroupBy, type NamedRow, useForecast } from '../../api/forecast';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { type ChartOption, EChart } from '../dashboard/EChart';
import {
  currentMonth,
  currentQuarter,
  formatFigure,
  formatPercent,
  mainCurrency,
  monthChoices,
  quarterChoices,
} from './figures';

const GROUPS: GroupBy[] = ['owner', 'team', 'company'];

/** `t` as the helpers below use it (plain keys), which keeps the compiler off the deep key types. */
type T = (key: string, options?: Record<string, unknown>) => string;

/** /app/forecast (forecast:read): figures of a month or quarter, by rep, team or company, against quota. */
export function ForecastPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? currentMonth(new Date());
  const kind = period.includes('Q') ? 'quarter' : 'month';
  const by = (GROUPS as string[]).includes(params.get('by') ?? '') ? (params.get('by') as GroupBy) : 'owner';
  const forecast = useForecast(period, by);

  const set = (next: Record<string, string>) => setParams((p) => ({ ...Object.fromEntries(p), ...next }));
  const choices = kind === 'quarter' ? quarterChoices() : monthChoices();

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('dashboard.forecast.title')}
        subTitle={
          <Typography.Text type="secondary">
            {t('dashboard.forecast.intro', { scope: scopeText(t as unknown as T, forecast.data?.scope) })}
          </Typography.Text>
        }
      />
      <Flex gap={8} wrap align="center">
        <Segmented
          data-testid="period-kind"
          value={kind}
          options={[
            { value: 'month', label: t('dashboard.forecast.month') },
            { value: 'quarter', label: t('dashboard.forecast.quarter') },
          ]}
          onChange={(v) => set({ period: v === 'quarter' ? currentQuarter(new Date()) : currentMonth(new Date()) })}
        />
        <Select
          data-testid="period"
          aria-label={t('dashboard.forecast.period')}
          value={period}
          style={{ width: 130 }}
          options={choices.map((c) => ({ value: c, label: c }))}
          onChange={(v) => set({ period: v })}
        />
        <Segmented
          data-testid="group-by"
          value={by}
          options={GROUPS.map((g) => ({
            value: g,
            label: t(`dashboard.forecast.by${g[0]!.toUpperCase()}${g.slice(1)}` as 'dashboard.forecast.byOwner'),
          }))}
          onChange={(v) => set({ by: v as string })}
        />
      </Flex>
      <QueryState query={forecast} rows={6}>
        {(data) => <ForecastBody data={data} />}
      </QueryState>
    </Flex>
  );
}

function scopeText(t: T, scope: string | undefined): string {
  if (scope === 'owner') return t('dashboard.sales.scopeOwner');
  if (scope === 'team') return t('dashboard.sales.scopeTeam');
  return t('dashboard.sales.scopeAll');
}

function ForecastBody({ data }: { data: ForecastResult }) {
  const { t, i18n } = useTranslation();
  const phone = useIsPhone();
  const lang = i18n.language;
  const money = (v: number | null, currency: string) => formatFigure(v, currency, lang);
  const nameOf = (row: NamedRow) =>
    data.by === 'company'
      ? t('dashboard.forecast.company')
      : row.name === 'none'
        ? t('dashboard.forecast.noTeam')
        : row.name;
  const chartOption = useMemo(() => monthChart(data, t as unknown as T, lang, phone), [data, t, lang, phone]);

  if (!data.rows.length) return <Empty description={t('dashboard.forecast.empty')} data-testid="empty-state" />;

  const attainment = (row: NamedRow) =>
    row.attainment === null ? (
      '—'
    ) : (
      <Flex vertical gap={0} style={{ minWidth: 90 }}>
        <Typography.Text data-testid="attainment">{formatPercent(row.attainment, lang)}</Typography.Text>
        <Progress percent={Math.round(row.attainment * 100)} size="small" showInfo={false} />
      </Flex>
    );

  const totals = (
    <Descriptions
      size="small"
      column={phone ? 1 : 3}
      data-testid="forecast-totals"
      items={data.totals.flatMap((f) => [
        {
          key: `${f.currency}-w`,
          label: `${t('dashboard.forecast.weighted')} (${f.currency})`,
          children: money(f.weighted, f.currency),
        },
        {
          key: `${f.currency}-c`,
          label: `${t('dashboard.forecast.commit')} (${f.currency})`,
          children: money(f.commit, f.currency),
        },
        {
          key: `${f.currency}-a`,
          label: `${t('dashboard.forecast.attainment')} (${f.currency})`,
          children: `${money(f.wonAmount, f.currency)} / ${money(f.quota, f.currency)} · ${formatPercent(f.attainment, lang)}`,
        },
      ])}
    />
  );

  const table = phone ? (
    <List<NamedRow>
      dataSource={data.rows}
      rowKey={(r) => `${r.key}-${r.currency}`}
      renderItem={(row) => (
        <List.Item data-testid="forecast-row" data-key={row.key}>
          <Flex vertical gap={4} style={{ width: '100%' }}>
            <Flex justify="space-between">
              <Typography.Text strong>{nameOf(row)}</Typography.Text>
              <Typography.Text type="secondary">{row.currency}</Typography.Text>
            </Flex>
            <Descriptions
              size="small"
              column={2}
              items={[
                { key: 'w', label: t('dashboard.forecast.weighted'), children: money(row.weighted, row.currency) },
                { key: 'c', label: t('dashboard.forecast.commit'), children: money(row.commit, row.currency) },
                { key: 'b', label: t('dashboard.forecast.bestCase'), children: money(row.bestCase, row.currency) },
                { key: 'won', label: t('dashboard.forecast.won'), children: money(row.wonAmount, row.currency) },
                { key: 'q', label: t('dashboard.forecast.quota'), children: money(row.quota, row.currency) },
                { key: 'a', label: t('dashboard.forecast.attainment'), children: attainment(row) },
              ]}
            />
          </Flex>
        </List.Item>
      )}
    />
  ) : (
    <Table<NamedRow>
      rowKey={(r) => `${r.key}-${r.currency}`}
      size="middle"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={data.rows}
      onRow={(row) => ({ 'data-testid': 'forecast-row', 'data-key': row.key }) as HTMLAttributes<HTMLElement>}
      columns={forecastColumns(t as unknown as T, lang, nameOf, attainment)}
    />
  );

  return (
    <Flex vertical gap={16}>
      {data.truncated && <Typography.Text type="warning">{t('dashboard.sales.truncated')}</Typography.Text>}
      <Card size="small">{totals}</Card>
      <Card size="small">{table}</Card>
      {data.months.length > 1 && (
        <Card size="small" title={t('dashboard.forecast.chart')}>
          <EChart option={chartOption} height={phone ? 240 : 280} testId="forecast-chart" />
        </Card>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('dashboard.forecast.definitions')}
      </Typography.Paragraph>
    </Flex>
  );
}

function forecastColumns(
  t: T,
  lang: string,
  nameOf: (row: NamedRow) => string,
  attainment: (row: NamedRow) => ReactNode,
): TableColumnsType<NamedRow> {
  const money = (key: keyof NamedRow, title: string) => ({
    title,
    key,
    align: 'right' as const,
    render: (_: unknown, row: NamedRow) => formatFigure(row[key] as number | null, row.currency, lang),
  });
  return [
    {
      title: t('dashboard.forecast.name'),
      key: 'name',
      render: (_, row) => <Typography.Text strong>{nameOf(row)}</Typography.Text>,
    },
    { title: t('dashboard.forecast.currency'), dataIndex: 'currency' },
    money('quota', t('dashboard.forecast.quota')),
    money('wonAmount', t('dashboard.forecast.won')),
    { title: t('dashboard.forecast.attainment'), key: 'attainment', render: (_, row) => attainment(row) },
    money('weighted', t('dashboard.forecast.weighted')),
    money('commit', t('dashboard.forecast.commit')),
    money('bestCase', t('dashboard.forecast.bestCase')),
    money('pipeline', t('dashboard.forecast.pipeline')),
    {
      title: t('dashboard.forecast.winRate'),
      key: 'winRate',
      align: 'right',
      render: (_, row) => formatPercent(row.winRateCount, lang),
    },
    money('averageDealSize', t('dashboard.forecast.avgDealSize')),
    {
      title: t('dashboard.forecast.avgCycle'),
      key: 'cycle',
      align: 'right',
      render: (_, row) =>
        row.averageSalesCycleDays === null ? '—' : t('dashboard.forecast.days', { count: row.averageSalesCycleDays }),
    },
  ];
}

/** Bars per month (weighted, commit, best case, won) and the quota as a line, in the main currency. */
function monthChart(data: ForecastResult, t: T, lang: string, phone: boolean): ChartOption {
  const currency = mainCurrency(data.totals) ?? 'USD';
  const at = (month: string) => data.byMonth.find((m) => m.month === month && m.currency === currency);
  const series = (pick: (m: NonNullable<ReturnType<typeof at>>) => number | null) =>
    data.months.map((month) => {
      const m = at(month);
      const v = m ? pick(m) : null;
      return v === null ? null : toMajor(v, currency);
    });
  const fmt = (v: number) => formatFigure(toMinor(v, currency), currency, lang, true);
  return {
    tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : '—') },
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 8, bottom: 8, top: phone ? 48 : 36, containLabel: true },
    xAxis: { type: 'category', data: data.months },
    yAxis: { type: 'value', axisLabel: { formatter: fmt } },
    series: [
      { name: t('dashboard.forecast.weighted'), type: 'bar', data: series((m) => m.weighted) },
      { name: t('dashboard.forecast.commit'), type: 'bar', data: series((m) => m.commit) },
      { name: t('dashboard.forecast.bestCase'), type: 'bar', data: series((m) => m.bestCase) },
      { name: t('dashboard.forecast.won'), type: 'bar', data: series((m) => m.wonAmount) },
      { name: t('dashboard.forecast.quota'), type: 'line', data: series((m) => m.quota) },
    ],
  };
}
