import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useContact } from '../../api/contacts';
import { useCustomFields } from '../../api/custom-fields';
import { useStaffNames } from '../../api/staff';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { QueryError } from '../../components/QueryError';
import { DeleteButton, RestoreButton } from '../../components/RecordActions';
import { RecordTimeline } from '../../components/RecordTimeline';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { ContactDetails } from './ContactDetails';

/** /app/contacts/:id: the contact, its actions, and its history. */
export function ContactDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const contact = useContact(id);
  const defs = useCustomFields('contact');
  const staffNames = useStaffNames();
  const back = { to: '/contacts', label: t('contacts.title') };

  if (contact.isPending) return <PageSkeleton />;
  if (contact.isError) {
    return (
      <>
        <PageHeader title={t('contacts.title')} back={back} />
        <QueryError
          error={contact.error}
          onRetry={() => contact.refetch()}
          retrying={contact.isFetching}
          notFoundTitle={t('contacts.notFound')}
        />
      </>
    );
  }

  const c = contact.data;
  const deleted = Boolean(c.deletedAt);
  const actions = (
    <>
      {!deleted && can('contacts:write') && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          data-testid="edit"
          onClick={() => navigate(`/contacts/${encodeURIComponent(c.id)}/edit`)}
        >
          {t('common.edit')}
        </Button>
      )}
      {!deleted && can('contacts:delete') && (
        <DeleteButton resource="contacts" id={c.id} onDeleted={() => navigate('/contacts', { replace: true })} />
      )}
      {deleted && can('contacts:delete') && <RestoreButton resource="contacts" id={c.id} />}
    </>
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        back={back}
        title={
          <span data-testid="contact-name">
            {c.name} {deleted && <Tag color="red">{t('common.deleted')}</Tag>}
          </span>
        }
        subTitle={
          <Flex vertical gap={4}>
            {(c.title || c.companyName) && (
              <Typography.Text type="secondary">{[c.title, c.companyName].filter(Boolean).join(' · ')}</Typography.Text>
            )}
            <TagList tags={c.tags} />
          </Flex>
        }
        extra={actions}
      />
      {deleted && (
        <Alert
          type="warning"
          showIcon
          data-testid="deleted-banner"
          title={t('contacts.deletedBanner')}
          description={
            <>
              {t('common.deletedAt')} <TimeStamp value={c.deletedAt} />. {t('list.trashNote')}
            </>
          }
        />
      )}
      <Tabs
        defaultActiveKey="details"
        items={[
          {
            key: 'details',
            label: <span data-testid="tab-details">{t('common.details')}</span>,
            children: (
              <ContactDetails contact={c} defs={defs.data ?? []} ownerName={staffNames.get(c.ownerId) ?? c.ownerId} />
            ),
          },
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('common.timeline')}</span>,
            children: <RecordTimeline resource="contacts" id={c.id} defs={defs.data ?? []} />,
          },
        ]}
      />
    </Flex>
  );
}
