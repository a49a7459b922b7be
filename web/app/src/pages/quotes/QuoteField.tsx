import { Flex, Typography } from 'antd';
import type { CSSProperties, ReactNode } from 'react';

/** A small caption above a control, for the dense quote line rows (no Form.Item layout there). */
export function QuoteField({ label, children, style }: { label: string; children: ReactNode; style?: CSSProperties }) {
  return (
    <Flex vertical gap={4} style={style}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>
      {children}
    </Flex>
  );
}
