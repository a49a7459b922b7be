import { MailOutlined, PhoneOutlined } from '@ant-design/icons';
import { Card, Flex, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { Contact } from '../../api/types';
import { RestoreButton } from '../../components/RecordActions';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';

interface Props {
  contacts: Contact[];
  staffNames: Map<string, string>;
  activeTag?: string;
  onTag: (tag: string) => void;
  trash: boolean;
  canRestore: boolean;
}

/** The contact list on a phone: one card per contact instead of a wide table. */
export function ContactCards({ contacts, staffNames, activeTag, onTag, trash, canRestore }: Props) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="contact-cards">
      {contacts.map((c) => (
        <Card key={c.id} size="small" data-testid="contact-row">
          <Flex vertical gap={4}>
            <Flex justify="space-between" align="baseline" gap={8}>
              <Link
                to={`/contacts/${encodeURIComponent(c.id)}`}
                data-testid="contact-link"
                className="record-link record-link-ellipsis"
              >
                {c.name}
              </Link>
              {c.lifecycleStage && <Tag color="blue">{t(`lifecycle.${c.lifecycleStage}`)}</Tag>}
            </Flex>
            {(c.title || c.companyName) && (
              <Typography.Text type="secondary" ellipsis>
                {[c.title, c.companyName].filter(Boolean).join(' · ')}
              </Typography.Text>
            )}
            {c.email && (
              <Typography.Text ellipsis>
                <MailOutlined /> {c.email}
              </Typography.Text>
            )}
            {c.phone && (
              <Typography.Text>
                <PhoneOutlined /> <a href={`tel:${c.phone}`}>{c.phone}</a>
              </Typography.Text>
            )}
            <TagList tags={c.tags} onSelect={onTag} active={activeTag} />
            <Flex justify="space-between" align="center" gap={8}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {staffNames.get(c.ownerId) ?? c.ownerId} ·{' '}
                <TimeStamp value={trash ? c.deletedAt : c.updatedAt} showAbsolute={false} />
              </Typography.Text>
              {trash && canRestore && <RestoreButton resource="contacts" id={c.id} size="small" />}
            </Flex>
          </Flex>
        </Card>
      ))}
    </Flex>
  );
}
