import { DndContext, type DragEndEvent, PointerSensor, useDroppable, useSensor, useSensors } from '@dnd-kit/core';
import { App, Button, Empty, Flex, Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../../../../shared/domain/common/money';
import { ApiError } from '../../api/api-error';
import {
  type BoardColumn,
  type BoardScope,
  type Deal,
  fetchStagePage,
  type Pipeline,
  type Stage,
  useBoard,
  useMoveDeal,
} from '../../api/deals';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { QueryState } from '../../components/QueryState';
import { useIsPhone } from '../../layout/useIsPhone';
import { DealCard } from './DealCard';
import { LostReasonModal } from './LostReasonModal';
import { labelOf } from './stage-label';
import './deals.css';

/**
 * The kanban board of a pipeline: one column per stage (first page from GET /api/deals/board,
 * "Load more" per column), column totals from the maintained aggregates, drag and drop between
 * stages with an optimistic move. A stale card answers 409: the move is undone, the board
 * reloaded and the conflict said in words. Dropping on a lost stage asks for the reason first.
 * On a phone: a stage selector and that stage's cards.
 */
export function DealBoard({ scope }: { scope: BoardScope }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const phone = useIsPhone();
  const board = useBoard(scope);
  const move = useMoveDeal(scope);
  const [lostFor, setLostFor] = useState<Deal>();
  const [phoneStage, setPhoneStage] = useState<string>();
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }));
  const writable = can('deals:write');

  if (!board.isSuccess) return <QueryState query={board} rows={6} />;
  const { pipeline, columns } = board.data;
  const stageById = new Map(pipeline.stages.map((s) => [s.id, s]));

  const doMove = (deal: Deal, stage: Stage, lostReason?: string) => {
    move.mutate(
      { deal, change: { stageId: stage.id, ...(lostReason ? { lostReason } : {}) } },
      {
        onSuccess: () => message.success(t('deals.moved', { name: deal.name, stage: labelOf(stage, i18n.language) })),
        onError: (error) => {
          if (error instanceof ApiError && error.isVersionConflict) {
            message.open({ type: 'warning', content: t('deals.conflict', { name: deal.name }), duration: 6 });
            board.refetch();
          } else message.error(t('deals.moveFailed', { message: errorMessage(error, t) }));
        },
      },
    );
  };

  const onDragEnd = (event: DragEndEvent) => {
    const deal = event.active.data.current?.deal as Deal | undefined;
    const target = event.over ? stageById.get(String(event.over.id)) : undefined;
    if (!deal || !target || target.id === deal.stageId) return;
    if (target.kind === 'lost') setLostFor({ ...deal });
    else doMove(deal, target);
  };

  const lostStage = pipeline.stages.find((s) => s.kind === 'lost');
  const shown = phone ? columns.filter((c) => c.stageId === (phoneStage ?? columns[0]?.stageId)) : columns;

  return (
    <>
      {phone && (
        <Select
          data-testid="board-stage-picker"
          aria-label={t('deals.stagePicker')}
          value={phoneStage ?? columns[0]?.stageId}
          onChange={(v) => setPhoneStage(v)}
          options={columns.map((c) => ({
            value: c.stageId,
            label: `${labelOf(stageById.get(c.stageId), i18n.language)} · ${c.totals.count}`,
          }))}
          style={{ width: '100%', marginBottom: 12 }}
        />
      )}
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div className="deal-board" data-testid="deal-board">
          {shown.map((column) => (
            <StageColumn
              key={`${column.stageId}-${board.dataUpdatedAt}`}
              column={column}
              stage={stageById.get(column.stageId)!}
              scope={{ ...scope, pipelineId: pipeline.id }}
              draggable={writable}
              phone={phone}
            />
          ))}
        </div>
      </DndContext>
      {lostStage && (
        <LostReasonModal
          deal={lostFor}
          pipeline={pipeline}
          onCancel={() => setLostFor(undefined)}
          onConfirm={(reason) => {
            if (lostFor) doMove(lostFor, lostStage, reason);
            setLostFor(undefined);
          }}
        />
      )}
    </>
  );
}

function StageColumn({
  column,
  stage,
  scope,
  draggable,
  phone,
}: {
  column: BoardColumn;
  stage: Stage;
  scope: BoardScope;
  draggable: boolean;
  phone: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { setNodeRef, isOver } = useDroppable({ id: stage.id });
  const [more, setMore] = useState<Deal[]>([]);
  const [cursor, setCursor] = useState(column.nextCursor);
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    setMore([]);
    setCursor(column.nextCursor);
  }, [column]);
  const items = [...column.items, ...more.filter((d) => !column.items.some((c) => c.id === d.id))];

  return (
    <div
      ref={setNodeRef}
      className={`deal-column${isOver ? ' deal-column-over' : ''}${phone ? ' deal-column-phone' : ''}`}
      data-testid={`stage-column-${stage.id}`}
    >
      <div className="deal-column-head">
        <Flex justify="space-between" align="baseline" gap={8}>
          <Typography.Text strong>{labelOf(stage, i18n.language)}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {stage.probability}%
          </Typography.Text>
        </Flex>
        <div data-testid={`stage-total-${stage.id}`} className="deal-column-total">
          <span data-testid={`stage-count-${stage.id}`}>{t('deals.dealsCount', { count: column.totals.count })}</span>
          {column.totals.amounts.map((a) => (
            <span key={a.currency}> · {formatMoney(a.amount, a.currency, i18n.language, { trimZeros: true })}</span>
          ))}
        </div>
      </div>
      <Flex vertical gap={8} className="deal-column-body">
        {items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('deals.empty')} />}
        {items.map((deal) => (
          <DealCard key={deal.id} deal={deal} draggable={draggable} />
        ))}
        {cursor && (
          <Button
            size="small"
            loading={loading}
            data-testid={`stage-more-${stage.id}`}
            onClick={async () => {
              setLoading(true);
              try {
                const page = await fetchStagePage({ ...scope, stageId: stage.id, cursor });
                setMore((m) => [...m, ...page.items]);
                setCursor(page.nextCursor);
              } finally {
                setLoading(false);
              }
            }}
          >
            {t('deals.loadMore')}
          </Button>
        )}
      </Flex>
    </div>
  );
}

export type { Pipeline };
