import { Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';

/** "3 minutes ago" with the exact time beside it (or in a tooltip when space is short). */
export function TimeStamp({ value, showAbsolute = true }: { value: string | undefined; showAbsolute?: boolean }) {
  useTranslation(); // re-render when the language (and so dayjs' locale) changes
  if (!value) return null;
  const at = dayjs(value);
  if (!at.isValid()) return <span>{value}</span>;
  const absolute = at.format('LLL');
  return (
    <Tooltip title={absolute}>
      <time dateTime={value} className="timestamp">
        {at.fromNow()}
        {showAbsolute && <span className="timestamp-absolute"> · {absolute}</span>}
      </time>
    </Tooltip>
  );
}
