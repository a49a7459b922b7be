import { Card, Skeleton } from 'antd';

export function PageSkeleton() {
  return (
    <Card data-testid="page-loading">
      <Skeleton active title paragraph={{ rows: 6 }} />
    </Card>
  );
}
