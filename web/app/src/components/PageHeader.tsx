import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

interface Props {
  title: ReactNode;
  /** Where the back arrow goes, and its accessible label. */
  back?: { to: string; label: string };
  subTitle?: ReactNode;
  extra?: ReactNode;
}

/** Title row of a page: back link, title, and the page's actions (which wrap on a phone). */
export function PageHeader({ title, back, subTitle, extra }: Props) {
  return (
    <Flex justify="space-between" align="flex-start" gap={12} wrap className="page-header">
      <Flex align="center" gap={8} style={{ minWidth: 0 }}>
        {back && (
          <Link to={back.to} aria-label={back.label} data-testid="back">
            <Button type="text" icon={<ArrowLeftOutlined />} tabIndex={-1} />
          </Link>
        )}
        <div style={{ minWidth: 0 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {subTitle && <div className="page-subtitle">{subTitle}</div>}
        </div>
      </Flex>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
