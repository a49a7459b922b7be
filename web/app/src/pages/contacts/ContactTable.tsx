import { Table, type TableColumnsType } from 'antd';
import type { HTMLAttributes } from 'react';
import type { Contact } from '../../api/types';

const rowProps = () => ({ 'data-testid': 'contact-row' }) as HTMLAttributes<HTMLElement>;

export function ContactTable({ contacts, columns }: { contacts: Contact[]; columns: TableColumnsType<Contact> }) {
  return (
    <Table<Contact>
      data-testid="contact-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={contacts}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={rowProps}
    />
  );
}
