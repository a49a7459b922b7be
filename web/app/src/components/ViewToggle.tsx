import { DeleteOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';

export type ListView = 'active' | 'deleted';

/** Active records, or the trash (restorable for 30 days). */
export function ViewToggle({ value, onChange }: { value: ListView; onChange: (view: ListView) => void }) {
  const { t } = useTranslation();
  return (
    <Segmented<ListView>
      data-testid="view-toggle"
      value={value}
      onChange={onChange}
      options={[
        { value: 'active', label: t('list.view.active'), icon: <UnorderedListOutlined /> },
        {
          value: 'deleted',
          label: <span data-testid="view-deleted">{t('list.view.deleted')}</span>,
          icon: <DeleteOutlined />,
        },
      ]}
    />
  );
}
