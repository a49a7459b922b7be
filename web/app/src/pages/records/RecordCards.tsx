import { Card, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RecordKind } from '../../api/records';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { ownerLabel } from '../leads/pool-owner';
import { type RecordBase, recordPath, recordTestIds } from './record-kind';

/** What a list page gives its cards. */
export interface RecordCardsProps<T> {
  records: T[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

interface Props<T> extends RecordCardsProps<T> {
  kind: RecordKind;
  /** Beside the name, e.g. a contact's lifecycle stage. */
  badge?: (record: T) => ReactNode;
  /** The lines under the name that tell records apart at a glance. */
  body: (record: T) => ReactNode;
}

/** A list of records on a phone: one card per record instead of a wide table. */
export function RecordCards<T extends RecordBase>(props: Props<T>) {
  const { kind, records, staffNames, activeTag, onTag, trash, canRestore, badge, body } = props;
  const { t } = useTranslation();
  const poolLabel = t('leads.pool.title');
  const ids = recordTestIds(kind.entity);
  return (
    <Flex vertical gap={8} data-testid={ids.cards}>
      {records.map((record) => {
        const link = (
          <Link
            to={recordPath(kind.resource, record.id)}
            data-testid={ids.link}
            className="record-link record-link-ellipsis"
          >
            {record.name}
          </Link>
        );
        return (
          <Card key={record.id} size="small" data-testid={ids.row}>
            <Flex vertical gap={4}>
              {badge ? (
                <Flex justify="space-between" align="baseline" gap={8}>
                  {link}
                  {badge(record)}
                </Flex>
              ) : (
                link
              )}
              {body(record)}
              <TagList tags={record.tags} onSelect={onTag} active={activeTag} />
              <Flex justify="space-between" align="center" gap={8}>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {ownerLabel(staffNames, record.ownerId, poolLabel)} ·{' '}
                  <TimeStamp value={trash ? record.deletedAt : record.updatedAt} showAbsolute={false} />
                </Typography.Text>
                {trash && canRestore && <RestoreButton resource={kind.resource} id={record.id} size="small" />}
              </Flex>
            </Flex>
          </Card>
        );
      })}
    </Flex>
  );
}
