import { GlobalOutlined } from '@ant-design/icons';
import { Card, Flex, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { Company } from '../../api/types';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';

interface Props {
  companies: Company[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

/** The company list on a phone: one card per company. */
export function CompanyCards({ companies, staffNames, activeTag, onTag, trash, canRestore }: Props) {
  return (
    <Flex vertical gap={8} data-testid="company-cards">
      {companies.map((c) => (
        <Card key={c.id} size="small" data-testid="company-row">
          <Flex vertical gap={4}>
            <Link
              to={`/companies/${encodeURIComponent(c.id)}`}
              data-testid="company-link"
              className="record-link record-link-ellipsis"
            >
              {c.name}
            </Link>
            {(c.industry || c.size) && (
              <Typography.Text type="secondary">{[c.industry, c.size].filter(Boolean).join(' · ')}</Typography.Text>
            )}
            {c.domain && (
              <Typography.Text ellipsis>
                <GlobalOutlined /> {c.domain}
              </Typography.Text>
            )}
            <TagList tags={c.tags} onSelect={onTag} active={activeTag} />
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {staffNames.get(c.ownerId) ?? c.ownerId} ·{' '}
                <TimeStamp value={trash ? c.deletedAt : c.updatedAt} showAbsolute={false} />
              </Typography.Text>
              {trash && canRestore && <RestoreButton resource="companies" id={c.id} size="small" />}
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
