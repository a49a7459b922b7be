import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { RecordKind } from '../../api/records';
import { recordTestIds } from './record-kind';

interface Props<T> {
  kind: RecordKind;
  records: T[];
  columns: TableColumnsType<T>;
}

/** A list of records as a table that scrolls sideways when its columns do not fit. */
export function RecordTable<T extends { id: string }>({ kind, records, columns }: Props<T>) {
  const ids = recordTestIds(kind.entity);
  return (
    <Table<T>
      data-testid={ids.table}
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={records}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={() => ({ 'data-testid': ids.row }) as HTMLAttributes<HTMLElement>}
    />
  );
}
