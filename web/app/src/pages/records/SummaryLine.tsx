import { Typography } from 'antd';

interface Props {
  /** E.g. job title and company; the unset ones are left out. */
  parts: (string | undefined)[];
  ellipsis?: boolean;
}

/** "Job title · Company" in a secondary line, or nothing when no part is set. */
export function SummaryLine({ parts, ellipsis }: Props) {
  const shown = parts.filter(Boolean);
  if (!shown.length) return null;
  return (
    <Typography.Text type="secondary" ellipsis={ellipsis}>
      {shown.join(' · ')}
    </Typography.Text>
  );
}
