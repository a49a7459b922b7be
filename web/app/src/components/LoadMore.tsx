import { Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

interface Props {
  shown: number;
  hasMore: boolean;
  loading: boolean;
  onLoadMore: () => void;
}

/** Cursor pagination: how many are shown, and the next page on request. */
export function LoadMore({ shown, hasMore, loading, onLoadMore }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical align="center" gap={8} style={{ marginTop: 16 }}>
      <Typography.Text type="secondary" data-testid="shown-count">
        {t('list.shown', { count: shown })}
      </Typography.Text>
      {hasMore && (
        <Button data-testid="load-more" loading={loading} onClick={onLoadMore}>
          {t('common.loadMore')}
        </Button>
      )}
    </Flex>
  );
}
