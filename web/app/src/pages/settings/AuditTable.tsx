import { DownOutlined, FilterOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Table, type TableColumnsType, Tag, Typography } from 'antd';
import type { HTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntry } from '../../api/audit';
import { TimeStamp } from '../../components/TimeStamp';
import { useIsPhone } from '../../layout/useIsPhone';
import { AuditDiff } from './AuditDiff';
import { ACTION_COLORS } from './audit-choices';

const rowProps = () => ({ 'data-testid': 'audit-row' }) as HTMLAttributes<HTMLElement>;

/** Where a record of the entry lives in the console; custom fields have their settings page. */
function recordPath(entry: AuditEntry): string {
  if (entry.entity === 'contact') return `/contacts/${encodeURIComponent(entry.entityId)}`;
  if (entry.entity === 'company') return `/companies/${encodeURIComponent(entry.entityId)}`;
  return `/settings/custom-fields?entity=${encodeURIComponent(entry.entityId.split('.')[0] ?? 'contact')}`;
}

interface Props {
  entries: AuditEntry[];
  /** Narrows the log to one record (its type and id). */
  onFilterRecord: (entry: AuditEntry) => void;
}

/** The audit log, newest first; a row opens to the before/after of each changed field. */
export function AuditTable({ entries, onFilterRecord }: Props) {
  const { t } = useTranslation();
  const phone = useIsPhone();

  const record = (entry: AuditEntry) => (
    <Flex align="center" gap={4} wrap>
      <Link to={recordPath(entry)} data-testid="audit-record">
        {entry.entityName || entry.entityId}
      </Link>
      <Button
        type="text"
        size="small"
        icon={<FilterOutlined />}
        aria-label={t('audit.onlyThisRecord')}
        title={t('audit.onlyThisRecord')}
        data-testid="audit-only-record"
        onClick={() => onFilterRecord(entry)}
      />
    </Flex>
  );
  const action = (entry: AuditEntry) => (
    <Tag color={ACTION_COLORS[entry.action]} data-testid="audit-action">
      {t(`audit.actions.${entry.action}`)}
    </Tag>
  );
  const actor = (entry: AuditEntry) => <span data-testid="audit-actor">{entry.actor.name || entry.actor.id}</span>;

  const wide: TableColumnsType<AuditEntry> = [
    { title: t('audit.columns.time'), key: 'at', render: (_, e) => <TimeStamp value={e.at} /> },
    { title: t('audit.columns.actor'), key: 'actor', render: (_, e) => actor(e) },
    { title: t('audit.columns.action'), key: 'action', render: (_, e) => action(e) },
    { title: t('audit.columns.entity'), key: 'entity', render: (_, e) => t(`audit.entities.${e.entity}`) },
    { title: t('audit.columns.record'), key: 'record', render: (_, e) => record(e) },
    {
      title: t('audit.columns.changes'),
      key: 'changes',
      render: (_, e) => (
        <Typography.Text type="secondary">{t('audit.fieldCount', { count: e.changes.length })}</Typography.Text>
      ),
    },
  ];
  // A phone has room for one column: the same facts, stacked.
  const narrow: TableColumnsType<AuditEntry> = [
    {
      title: t('audit.columns.record'),
      key: 'summary',
      render: (_, e) => (
        <Flex vertical gap={2}>
          {record(e)}
          <Flex gap={4} wrap align="center">
            {action(e)}
            <Typography.Text type="secondary">{t(`audit.entities.${e.entity}`)}</Typography.Text>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {actor(e)} · <TimeStamp value={e.at} showAbsolute={false} />
          </Typography.Text>
        </Flex>
      ),
    },
  ];

  return (
    <Table<AuditEntry>
      rowKey="id"
      size="middle"
      columns={phone ? narrow : wide}
      dataSource={entries}
      pagination={false}
      scroll={phone ? undefined : { x: 'max-content' }}
      onRow={rowProps}
      expandable={{
        expandedRowRender: (entry) => <AuditDiff entry={entry} />,
        expandIcon: ({ expanded, onExpand, record: entry }) => (
          <Button
            type="text"
            size="small"
            icon={expanded ? <DownOutlined /> : <RightOutlined />}
            aria-expanded={expanded}
            aria-label={t('common.details')}
            data-testid="audit-expand"
            onClick={(event) => onExpand(entry, event)}
          />
        ),
      }}
    />
  );
}
