import { DeleteOutlined, UndoOutlined } from '@ant-design/icons';
import { App, Button, Popconfirm } from 'antd';
import { useTranslation } from 'react-i18next';
import { type RecordResource, useDeleteRecord, useRestoreRecord } from '../api/records';
import { errorMessage } from './error-message';

interface Props {
  resource: RecordResource;
  id: string;
  size?: 'small' | 'middle';
  onDeleted?: () => void;
  onRestored?: () => void;
}

/** Move to trash, after a confirmation. */
export function DeleteButton({ resource, id, size, onDeleted }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const remove = useDeleteRecord(resource);
  return (
    <Popconfirm
      title={t(`${resource}.deleteConfirm`)}
      description={t('list.trashNote')}
      okText={t('common.delete')}
      cancelText={t('common.cancel')}
      okButtonProps={{ danger: true, loading: remove.isPending, ...({ 'data-testid': 'confirm-delete' } as object) }}
      onConfirm={async () => {
        try {
          await remove.mutateAsync(id);
          message.success(t(`${resource}.deleted`));
          onDeleted?.();
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      }}
    >
      <Button danger size={size} icon={<DeleteOutlined />} data-testid="delete">
        {t('common.delete')}
      </Button>
    </Popconfirm>
  );
}

/** Take a record out of the trash. */
export function RestoreButton({ resource, id, size, onRestored }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const restore = useRestoreRecord(resource);
  return (
    <Button
      size={size}
      icon={<UndoOutlined />}
      data-testid="restore"
      loading={restore.isPending}
      onClick={async (event) => {
        event.stopPropagation();
        try {
          await restore.mutateAsync(id);
          message.success(t(`${resource}.restored`));
          onRestored?.();
        } catch (error) {
          message.error(errorMessage(error, t));
        }
      }}
    >
      {t('common.restore')}
    </Button>
  );
}
