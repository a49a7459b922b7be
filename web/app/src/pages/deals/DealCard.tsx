import { useDraggable } from '@dnd-kit/core';
import { Card, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatMoney } from '../../../../../shared/domain/common/money';
import type { Deal } from '../../api/deals';

/** A deal on the board: name, company, amount, close date, owner; dragged to change its stage. */
export function DealCard({ deal, draggable }: { deal: Deal; draggable: boolean }) {
  const { i18n } = useTranslation();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: deal.id,
    data: { deal },
    disabled: !draggable,
  });
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: 'relative' as const }
    : undefined;
  return (
    <div ref={setNodeRef} style={style} {...listeners} {...attributes} data-testid={`deal-card-${deal.id}`}>
      <Card
        size="small"
        className="deal-card"
        style={{ opacity: isDragging ? 0.85 : 1, cursor: draggable ? 'grab' : 'default' }}
      >
        <Flex vertical gap={2}>
          <Link to={`/deals/${deal.id}`} data-testid="deal-card-name" onPointerDown={(e) => e.stopPropagation()}>
            <Typography.Text strong ellipsis>
              {deal.name}
            </Typography.Text>
          </Link>
          {deal.companyName && (
            <Typography.Text type="secondary" ellipsis style={{ fontSize: 12 }}>
              {deal.companyName}
            </Typography.Text>
          )}
          <Flex justify="space-between" gap={8} wrap>
            <Typography.Text data-testid="deal-card-amount">
              {formatMoney(deal.amount, deal.currency, i18n.language, { trimZeros: true })}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {deal.expectedCloseDate} · {deal.probability}%
            </Typography.Text>
          </Flex>
          {deal.ownerName && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} ellipsis>
              {deal.ownerName}
            </Typography.Text>
          )}
        </Flex>
      </Card>
    </div>
  );
}
