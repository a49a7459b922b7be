import { App, Button, Card, Empty, Flex, InputNumber, List, Select, Table, Typography } from 'antd';
import { type HTMLAttributes, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { CURRENCIES, minorDigits, toMajor, toMinor } from '../../../../../shared/domain/common/money';
import { type Quota, type QuotaPerson, type QuotaSet, useQuotas, useSaveQuotas } from '../../api/forecast';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { currentQuarter, quarterChoices } from './figures';

const cellKey = (userId: string, month: string) => `${userId}.${month}`;

/**
 * /app/settings/quotas (quotas:manage): reps × the months of a quarter. Changed cells are saved
 * together (one request, one transaction), each with the version it replaces, so a quota someone
 * else changed meanwhile is a conflict rather than a silent overwrite.
 */
export function QuotasPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? currentQuarter(new Date());
  const quotas = useQuotas(period);

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('dashboard.quotas.title')}
        subTitle={<Typography.Text type="secondary">{t('dashboard.quotas.intro')}</Typography.Text>}
        extra={
          <Select
            data-testid="quota-period"
            aria-label={t('dashboard.forecast.period')}
            value={period}
            style={{ width: 120 }}
            options={quarterChoices().map((q) => ({ value: q, label: q }))}
            onChange={(v) => setParams({ period: v })}
          />
        }
      />
      <QueryState query={quotas} rows={5}>
        {(data) => (
          <QuotaGrid key={period} period={period} months={data.months} people={data.people} items={data.items} />
        )}
      </QueryState>
    </Flex>
  );
}

interface GridProps {
  period: string;
  months: string[];
  people: QuotaPerson[];
  items: Quota[];
}

function QuotaGrid({ period, months, people, items }: GridProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const save = useSaveQuotas(period);
  const byKey = useMemo(() => new Map(items.map((q) => [cellKey(q.userId, q.month), q])), [items]);
  const [edits, setEdits] = useState<Map<string, number | null>>(new Map());
  const [currency, setCurrency] = useState(items[0]?.currency ?? 'CNY');
  const digits = minorDigits(currency);

  if (!people.length) return <Empty description={t('dashboard.quotas.empty')} data-testid="empty-state" />;

  const cellValue = (userId: string, month: string): number | null => {
    const key = cellKey(userId, month);
    if (edits.has(key)) return edits.get(key)!;
    const q = byKey.get(key);
    return q ? toMajor(q.amount, q.currency) : null;
  };
  const changed: QuotaSet[] = [];
  for (const [key, major] of edits) {
    if (major === null) continue;
    const [userId, month] = [key.slice(0, key.lastIndexOf('.')), key.slice(key.lastIndexOf('.') + 1)];
    const before = byKey.get(key);
    const amount = toMinor(major, currency);
    if (before && before.amount === amount && before.currency === currency) continue;
    changed.push({ userId, month, amount, currency, ...(before ? { version: before.version } : {}) });
  }

  const onSave = async () => {
    if (!changed.length) {
      message.info(t('dashboard.quotas.unchanged'));
      return;
    }
    try {
      await save.mutateAsync(changed);
      setEdits(new Map());
      message.success(t('dashboard.quotas.saved'));
    } catch (error) {
      message.error(errorMessage(error, t));
    }
  };

  const cell = (person: QuotaPerson, month: string) => (
    <InputNumber<number>
      data-testid="quota-cell"
      data-user-id={person.id}
      data-month={month}
      aria-label={`${person.name} ${month}`}
      min={0}
      precision={digits}
      style={{ width: phone ? '100%' : 140 }}
      value={cellValue(person.id, month)}
      onChange={(v) => setEdits((prev) => new Map(prev).set(cellKey(person.id, month), v))}
    />
  );

  const toolbar = (
    <Flex gap={8} wrap align="center" justify="space-between">
      <Flex gap={8} align="center">
        <Typography.Text type="secondary">{t('dashboard.quotas.currency')}</Typography.Text>
        <Select
          data-testid="quota-currency"
          value={currency}
          style={{ width: 100 }}
          options={CURRENCIES.map((c) => ({ value: c, label: c }))}
          onChange={setCurrency}
        />
      </Flex>
      <Flex gap={8} align="center">
        {changed.length > 0 && (
          <Typography.Text type="secondary">{t('dashboard.quotas.changed', { count: changed.length })}</Typography.Text>
        )}
        <Button disabled={!edits.size} onClick={() => setEdits(new Map())}>
          {t('dashboard.quotas.reset')}
        </Button>
        <Button type="primary" data-testid="save-quotas" loading={save.isPending} onClick={onSave}>
          {t('dashboard.quotas.save')}
        </Button>
      </Flex>
    </Flex>
  );

  const rowProps = (p: QuotaPerson) =>
    ({ 'data-testid': 'quota-row', 'data-user-id': p.id }) as HTMLAttributes<HTMLElement>;

  return (
    <Card size="small">
      <Flex vertical gap={12}>
        {toolbar}
        {phone ? (
          <List<QuotaPerson>
            dataSource={people}
            rowKey="id"
            renderItem={(p) => (
              <List.Item {...rowProps(p)}>
                <Flex vertical gap={6} style={{ width: '100%' }}>
                  <Typography.Text strong>{p.name}</Typography.Text>
                  {months.map((m) => (
                    <Flex key={m} gap={8} align="center">
                      <Typography.Text type="secondary" style={{ width: 70 }}>
                        {m}
                      </Typography.Text>
                      {cell(p, m)}
                    </Flex>
                  ))}
                </Flex>
              </List.Item>
            )}
          />
        ) : (
          <Table<QuotaPerson>
            rowKey="id"
            size="middle"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={people}
            onRow={rowProps}
            columns={[
              {
                title: t('dashboard.quotas.rep'),
                key: 'name',
                render: (_, p) => <Typography.Text strong>{p.name}</Typography.Text>,
              },
              ...months.map((m) => ({ title: m, key: m, render: (_: unknown, p: QuotaPerson) => cell(p, m) })),
            ]}
          />
        )}
      </Flex>
    </Card>
  );
}
