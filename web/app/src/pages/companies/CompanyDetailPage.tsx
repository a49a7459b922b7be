import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tabs, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCompany } from '../../api/companies';
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
import { CompanyContacts } from './CompanyContacts';
import { CompanyDetails } from './CompanyDetails';

/** /app/companies/:id: the company, its people, its actions, and its history. */
export function CompanyDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const company = useCompany(id);
  const defs = useCustomFields('company');
  const staffNames = useStaffNames();
  const back = { to: '/companies', label: t('companies.title') };

  if (company.isPending) return <PageSkeleton />;
  if (company.isError) {
    return (
      <>
        <PageHeader title={t('companies.title')} back={back} />
        <QueryError
          error={company.error}
          onRetry={() => company.refetch()}
          retrying={company.isFetching}
          notFoundTitle={t('companies.notFound')}
        />
      </>
    );
  }

  const c = company.data;
  const deleted = Boolean(c.deletedAt);
  const actions = (
    <>
      {!deleted && can('companies:write') && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          data-testid="edit"
          onClick={() => navigate(`/companies/${encodeURIComponent(c.id)}/edit`)}
        >
          {t('common.edit')}
        </Button>
      )}
      {!deleted && can('companies:delete') && (
        <DeleteButton resource="companies" id={c.id} onDeleted={() => navigate('/companies', { replace: true })} />
      )}
      {deleted && can('companies:delete') && <RestoreButton resource="companies" id={c.id} />}
    </>
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        back={back}
        title={
          <span data-testid="company-name">
            {c.name} {deleted && <Tag color="red">{t('common.deleted')}</Tag>}
          </span>
        }
        subTitle={
          <Flex vertical gap={4}>
            {(c.industry || c.domain) && (
              <Typography.Text type="secondary">{[c.industry, c.domain].filter(Boolean).join(' · ')}</Typography.Text>
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
          title={t('companies.deletedBanner')}
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
              <CompanyDetails company={c} defs={defs.data ?? []} ownerName={staffNames.get(c.ownerId) ?? c.ownerId} />
            ),
          },
          {
            key: 'contacts',
            label: <span data-testid="tab-contacts">{t('nav.contacts')}</span>,
            children: <CompanyContacts companyId={c.id} />,
          },
          {
            key: 'timeline',
            label: <span data-testid="tab-timeline">{t('common.timeline')}</span>,
            children: <RecordTimeline resource="companies" id={c.id} defs={defs.data ?? []} />,
          },
        ]}
      />
    </Flex>
  );
}
