import { SettingOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Popover } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props<K extends string> {
  columns: readonly { key: K; label: string }[];
  visible: readonly K[];
  onChange: (visible: K[]) => void;
}

/** Choose the optional columns of a table. */
export function ColumnChooser<K extends string>({ columns, visible, onChange }: Props<K>) {
  const { t } = useTranslation();
  const content = (
    <Flex vertical gap={6} data-testid="column-chooser-panel">
      {columns.map((column) => (
        <Checkbox
          key={column.key}
          data-testid={`column-toggle-${column.key}`}
          checked={visible.includes(column.key)}
          onChange={(event) =>
            onChange(event.target.checked ? [...visible, column.key] : visible.filter((key) => key !== column.key))
          }
        >
          {column.label}
        </Checkbox>
      ))}
    </Flex>
  );
  return (
    <Popover trigger="click" placement="bottomRight" title={t('list.columns')} content={content}>
      <Button icon={<SettingOutlined />} data-testid="column-chooser">
        {t('list.columns')}
      </Button>
    </Popover>
  );
}
