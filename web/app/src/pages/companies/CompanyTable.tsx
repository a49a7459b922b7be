import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Company } from '../../api/types';

const rowProps = () => ({ 'data-testid': 'company-row' }) as HTMLAttributes<HTMLElement>;

export function CompanyTable({ companies, columns }: { companies: Company[]; columns: TableColumnsType<Company> }) {
  return (
    <Table<Company>
      data-testid="company-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={companies}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={rowProps}
    />
  );
}
