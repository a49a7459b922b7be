import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Empty, Flex, Popconfirm, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes, ReactNode } from 'react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomFields, useDeleteCustomField } from '../../api/custom-fields';
import type { CustomFieldDef, CustomFieldEntity } from '../../api/types';
import { errorMessage } from '../../components/error-message';
import { QueryState } from '../../components/QueryState';
import { CustomFieldModal } from './CustomFieldModal';

const rowProps = () => ({ 'data-testid': 'custom-field-row' }) as HTMLAttributes<HTMLElement>;

/** The custom fields of one entity, with add, edit and delete. */
export function CustomFieldTable({ entity }: { entity: CustomFieldEntity }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const defs = useCustomFields(entity);
  const remove = useDeleteCustomField();
  const [editing, setEditing] = useState<CustomFieldDef | 'new' | null>(null);

  const columns: TableColumnsType<CustomFieldDef> = [
    {
      title: t('customFields.label'),
      key: 'label',
      render: (_, d) => <Typography.Text strong>{d.label}</Typography.Text>,
    },
    { title: t('customFields.key'), key: 'key', render: (_, d) => <Typography.Text code>{d.key}</Typography.Text> },
    { title: t('customFields.type'), key: 'type', render: (_, d) => t(`customFields.types.${d.type}`) },
    {
      title: t('customFields.required'),
      key: 'required',
      render: (_, d) => (d.required ? <Tag color="orange">{t('common.yes')}</Tag> : t('common.no')),
    },
    {
      title: t('customFields.options'),
      key: 'options',
      render: (_, d) => (d.options?.length ? d.options.map((o) => <Tag key={o}>{o}</Tag>) : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Flex gap={8}>
          <Button size="small" icon={<EditOutlined />} data-testid="edit-custom-field" onClick={() => setEditing(d)}>
            {t('common.edit')}
          </Button>
          <Popconfirm
            title={t('customFields.deleteConfirm', { label: d.label })}
            description={t('customFields.deleteHint')}
            okText={t('common.delete')}
            cancelText={t('common.cancel')}
            okButtonProps={{ danger: true, ...({ 'data-testid': 'confirm-delete' } as object) }}
            onConfirm={async () => {
              try {
                await remove.mutateAsync(d);
                message.success(t('customFields.deleted'));
              } catch (error) {
                message.error(errorMessage(error, t));
              }
            }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} data-testid="delete-custom-field">
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Flex>
      ),
    },
  ];

  const addButton = (
    <Button type="primary" icon={<PlusOutlined />} data-testid="add-custom-field" onClick={() => setEditing('new')}>
      {t('customFields.add')}
    </Button>
  );

  let body: ReactNode;
  if (!defs.isSuccess) body = <QueryState query={defs} />;
  else if (!defs.data.length) {
    body = (
      <Empty description={t('customFields.empty')} data-testid="empty-state">
        {addButton}
      </Empty>
    );
  } else {
    body = (
      <Table<CustomFieldDef>
        rowKey="key"
        size="middle"
        columns={columns}
        dataSource={defs.data}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={rowProps}
      />
    );
  }

  return (
    <Flex vertical gap={12}>
      {defs.data?.length ? <Flex justify="flex-end">{addButton}</Flex> : null}
      {body}
      {editing && (
        <CustomFieldModal
          entity={entity}
          def={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
