import { TagOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** The tag the list is filtered by, as a chip that removes the filter. */
export function ActiveTag({ tag, onClear }: { tag: string | undefined; onClear: () => void }) {
  const { t } = useTranslation();
  if (!tag) return null;
  return (
    <Tag
      color="blue"
      icon={<TagOutlined />}
      closable={{ 'aria-label': t('list.removeTagFilter') }}
      onClose={onClear}
      data-testid="active-tag"
    >
      {t('list.tagFilter', { tag })}
    </Tag>
  );
}
