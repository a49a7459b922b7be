import { SortAscendingOutlined, SortDescendingOutlined } from '@ant-design/icons';
import { Button, Select, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { SORTS, type Sort } from '../api/domain';

export type Order = 'asc' | 'desc';

/** Without an explicit order the API sorts names A→Z and dates newest first. */
export const defaultOrder = (sort: Sort): Order => (sort === 'name' ? 'asc' : 'desc');

interface Props {
  sort: Sort;
  order: Order | undefined;
  onChange: (sort: Sort, order: Order | undefined) => void;
}

export function SortControl({ sort, order, onChange }: Props) {
  const { t } = useTranslation();
  const effective = order ?? defaultOrder(sort);
  const next: Order = effective === 'asc' ? 'desc' : 'asc';
  return (
    <Space.Compact>
      <Select<Sort>
        data-testid="sort"
        aria-label={t('list.sort')}
        value={sort}
        style={{ minWidth: 150 }}
        options={SORTS.map((value) => ({ value, label: t(`sorts.${value}`) }))}
        onChange={(value) => onChange(value, undefined)}
      />
      <Tooltip title={t(`order.${effective}`)}>
        <Button
          data-testid="sort-order"
          aria-label={t(`order.${effective}`)}
          icon={effective === 'asc' ? <SortAscendingOutlined /> : <SortDescendingOutlined />}
          onClick={() => onChange(sort, next)}
        />
      </Tooltip>
    </Space.Compact>
  );
}
