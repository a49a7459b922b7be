import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Select,
  Table,
  Tabs,
  type TabsProps,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import type { TFunction } from 'i18next';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatMoney } from '../../../../../shared/domain/common/money';
import { ApiError } from '../../api/api-error';
import { type Deal, type Pipeline, useChangeStage, useDeal, useDeleteDeal, usePipelines } from '../../api/deals';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { DealQuotes } from '../quotes/DealQuotes';
import { RecordTasksPanel } from '../tasks/RecordTasksPanel';
import { DealEditorModal } from './DealEditorModal';
import { DealTimeline } from './DealTimeline';
import { durationParts } from './duration';
import { LostReasonModal } from './LostReasonModal';
import { labelOf, STATUS_COLORS } from './stage-label';

/**
 * The tabs of a deal's page. Other contexts add theirs here with a one-line edit (e.g. quotes:
 * `{ key: 'quotes', label: t => t('quotes.tab'), render: deal => <DealQuotes deal={deal} /> }`).
 */
export interface DealTab {
  key: string;
  label: (t: TFunction) => ReactNode;
  render: (deal: Deal, pipeline: Pipeline) => ReactNode;
}

export const DEAL_TABS: DealTab[] = [
  {
    key: 'overview',
    label: (t) => t('deals.detail.overview'),
    render: (deal, p) => <Overview deal={deal} pipeline={p} />,
  },
  {
    key: 'history',
    label: (t) => t('deals.detail.history'),
    render: (deal, p) => <StageHistory deal={deal} pipeline={p} />,
  },
  {
    key: 'timeline',
    label: (t) => t('deals.detail.timeline'),
    render: (deal, p) => <DealTimeline deal={deal} pipeline={p} />,
  },
  { key: 'quotes', label: (t) => t('quotes.title'), render: (deal) => <DealQuotes dealId={deal.id} /> },
];

/** Panels shown beside the tabs (e.g. the work context's Activities/Tasks panel). */
export const DEAL_SIDE_PANELS: { key: string; render: (deal: Deal) => ReactNode }[] = [
  {
    key: 'tasks',
    render: (deal) => <RecordTasksPanel entity="deal" id={deal.id} readOnly={Boolean(deal.deletedAt)} />,
  },
];

/** One deal: its fields, stage menu (lost asks for the reason), edit, delete, stage history and timeline. */
export function DealDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const deal = useDeal(id);
  const pipelines = usePipelines();
  return (
    <QueryState query={deal} rows={6} notFoundTitle={t('deals.detail.notFound')}>
      {(d) => (
        <QueryState query={pipelines} rows={6}>
          {(all) => (
            <DealView
              deal={d}
              pipeline={all.find((p) => p.id === d.pipelineId) ?? all[0]!}
              onStale={() => deal.refetch()}
            />
          )}
        </QueryState>
      )}
    </QueryState>
  );
}

function DealView({ deal: d, pipeline, onStale }: { deal: Deal; pipeline: Pipeline; onStale: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const navigate = useNavigate();
  const changeStage = useChangeStage();
  const remove = useDeleteDeal();
  const [editing, setEditing] = useState(false);
  const [askLost, setAskLost] = useState(false);
  const writable = can('deals:write') && !d.deletedAt;
  const stage = pipeline.stages.find((s) => s.id === d.stageId);

  const move = (stageId: string, lostReason?: string) =>
    changeStage.mutate(
      { deal: d, change: { stageId, ...(lostReason ? { lostReason } : {}) } },
      {
        onError: (error) => {
          if (error instanceof ApiError && error.isVersionConflict) {
            message.warning(t('deals.conflict', { name: d.name }));
            onStale();
          } else message.error(t('deals.moveFailed', { message: errorMessage(error, t) }));
        },
      },
    );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={<span data-testid="deal-heading">{d.name}</span>}
        back={{ to: '/deals', label: t('deals.title') }}
        subTitle={
          <Flex gap={8} wrap align="center">
            <Tag color={STATUS_COLORS[d.status]} data-testid="deal-stage">
              {labelOf(stage, i18n.language)}
            </Tag>
            <Typography.Text strong data-testid="deal-amount">
              {formatMoney(d.amount, d.currency, i18n.language)}
            </Typography.Text>
            <Typography.Text type="secondary">{d.probability}%</Typography.Text>
          </Flex>
        }
        extra={
          writable && (
            <>
              <Select
                value={d.stageId}
                loading={changeStage.isPending}
                style={{ minWidth: 150 }}
                aria-label={t('deals.detail.moveTo')}
                data-testid="deal-stage-select"
                options={pipeline.stages.map((s) => ({ value: s.id, label: labelOf(s, i18n.language) }))}
                onChange={(v) => {
                  const target = pipeline.stages.find((s) => s.id === v);
                  if (target?.kind === 'lost') setAskLost(true);
                  else move(v);
                }}
              />
              <Button icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="deal-edit">
                {t('deals.detail.edit')}
              </Button>
              {can('deals:delete') && (
                <Popconfirm
                  title={t('deals.detail.deleteConfirm')}
                  onConfirm={async () => {
                    await remove.mutateAsync(d);
                    message.success(t('deals.detail.deleted'));
                    navigate('/deals');
                  }}
                >
                  <Button danger icon={<DeleteOutlined />}>
                    {t('deals.detail.delete')}
                  </Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      {d.deletedAt && <Alert type="warning" message={t('deals.detail.deletedBanner')} />}
      <Flex gap={16} wrap align="flex-start">
        <Card style={{ flex: '2 1 420px', minWidth: 0 }}>
          <Tabs
            items={DEAL_TABS.map((tab): NonNullable<TabsProps['items']>[number] => ({
              key: tab.key,
              label: tab.label(t),
              children: tab.render(d, pipeline),
            }))}
          />
        </Card>
        {DEAL_SIDE_PANELS.map((panel) => (
          <div key={panel.key} style={{ flex: '1 1 300px', minWidth: 0 }}>
            {panel.render(d)}
          </div>
        ))}
      </Flex>
      <DealEditorModal open={editing} deal={d} pipeline={pipeline} onClose={() => setEditing(false)} />
      <LostReasonModal
        deal={askLost ? d : undefined}
        pipeline={pipeline}
        onCancel={() => setAskLost(false)}
        onConfirm={(reason) => {
          setAskLost(false);
          const lost = pipeline.stages.find((s) => s.kind === 'lost');
          if (lost) move(lost.id, reason);
        }}
      />
    </Flex>
  );
}

function Overview({ deal, pipeline }: { deal: Deal; pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const reason = pipeline.lostReasons.find((r) => r.id === deal.lostReason);
  return (
    <Descriptions column={{ xs: 1, sm: 2 }} size="small" data-testid="deal-overview">
      <Descriptions.Item label={t('deals.fields.company')}>
        {deal.companyId ? <Link to={`/companies/${deal.companyId}`}>{deal.companyName}</Link> : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.contacts')}>
        {deal.contacts.length
          ? deal.contacts.map((c) => (
              <Link key={c.id} to={`/contacts/${c.id}`} style={{ marginRight: 8 }}>
                {c.name}
              </Link>
            ))
          : '—'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.expectedCloseDate')}>{deal.expectedCloseDate}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.probability')}>
        {deal.probability}%{deal.probabilityOverride !== undefined && ' *'}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.owner')}>{deal.ownerName ?? deal.ownerId}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.source')}>{deal.source ?? '—'}</Descriptions.Item>
      <Descriptions.Item label={t('deals.fields.nextStep')} span={2}>
        {deal.nextStep ?? '—'}
      </Descriptions.Item>
      {deal.status === 'lost' && (
        <Descriptions.Item label={t('deals.fields.lostReason')}>{labelOf(reason, i18n.language)}</Descriptions.Item>
      )}
      {deal.closedAt && (
        <Descriptions.Item label={t('deals.fields.closedAt')}>
          {dayjs(deal.closedAt).format('YYYY-MM-DD HH:mm')}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('deals.detail.created')}>
        {dayjs(deal.createdAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
      <Descriptions.Item label={t('deals.detail.updated')}>
        {dayjs(deal.updatedAt).format('YYYY-MM-DD HH:mm')}
      </Descriptions.Item>
    </Descriptions>
  );
}

function StageHistory({ deal, pipeline }: { deal: Deal; pipeline: Pipeline }) {
  const { t, i18n } = useTranslation();
  const now = Date.now();
  const rows = [...deal.stageHistory].reverse().map((v, i) => {
    const ms = (v.leftAt ? Date.parse(v.leftAt) : now) - Date.parse(v.enteredAt);
    const { unit, count } = durationParts(Math.max(0, ms));
    return { key: `${v.enteredAt}-${i}`, ...v, duration: t(`deals.duration.${unit}`, { count }) };
  });
  return (
    <Table
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="deal-stage-history"
      scroll={{ x: 480 }}
      columns={[
        {
          title: t('deals.fields.stage'),
          dataIndex: 'stageId',
          render: (id: string) =>
            labelOf(
              pipeline.stages.find((s) => s.id === id),
              i18n.language,
            ) || id,
        },
        {
          title: t('deals.detail.entered'),
          dataIndex: 'enteredAt',
          render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
        },
        {
          title: t('deals.detail.left'),
          dataIndex: 'leftAt',
          render: (v?: string) => (v ? dayjs(v).format('YYYY-MM-DD HH:mm') : <Tag>{t('deals.detail.current')}</Tag>),
        },
        { title: t('deals.detail.timeInStage'), dataIndex: 'duration' },
      ]}
    />
  );
}
