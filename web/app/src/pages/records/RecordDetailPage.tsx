import { EditOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Tabs, type TabsProps, Tag } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router-dom';
import { useCustomFields } from '../../api/custom-fields';
import type { RecordsApi } from '../../api/records';
import { useStaffNames } from '../../api/staff';
import type { Permission } from '../../api/types';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { PageSkeleton } from '../../components/PageSkeleton';
import { QueryState } from '../../components/QueryState';
import { DeleteButton, RestoreButton } from '../../components/RecordActions';
import { RecordTimeline } from '../../components/RecordTimeline';
import { TagList } from '../../components/TagList';
import { TimeStamp } from '../../components/TimeStamp';
import { ownerLabel } from '../leads/pool-owner';
import { type DetailItems, RecordDetails } from './RecordDetails';
import { type RecordBase, recordPath, recordTestIds } from './record-kind';
import { SummaryLine } from './SummaryLine';

/** What a kind's record page shows. */
export interface RecordDetailConfig<T extends RecordBase> {
  api: Pick<RecordsApi<T, unknown, unknown, unknown>, 'resource' | 'entity' | 'useOne'>;
  /** Under the name, e.g. job title · company. */
  subtitle: (record: T) => (string | undefined)[];
  details: DetailItems<T>;
  /** Tabs between Details and Timeline, e.g. a company's contacts. */
  extraTabs?: (record: T, t: TFunction) => NonNullable<TabsProps['items']>;
  /**
   * Panels beside the tabs (below them on a narrow screen), e.g. the record's open tasks; null
   * when the role has none, so the tabs keep the whole width.
   */
  sidePanels?: (record: T, can: (permission: Permission) => boolean) => ReactNode;
}

/** /app/{resource}/:id: the record, its actions, and its history. */
export function RecordDetailPage<T extends RecordBase>({ config }: { config: RecordDetailConfig<T> }) {
  const { resource, entity } = config.api;
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can } = useAuth();
  const record = config.api.useOne(id);
  const defs = useCustomFields(entity);
  const staffNames = useStaffNames();
  const back = { to: recordPath(resource), label: t(`${resource}.title`) };

  if (record.isPending) return <PageSkeleton />;
  if (!record.isSuccess) {
    return (
      <>
        <PageHeader title={t(`${resource}.title`)} back={back} />
        <QueryState query={record} notFoundTitle={t(`${resource}.notFound`)} />
      </>
    );
  }

  const r = record.data;
  const deleted = Boolean(r.deletedAt);
  const side = config.sidePanels?.(r, can) ?? null;
  const actions = (
    <>
      {!deleted && can(`${resource}:write`) && (
        <Button
          type="primary"
          icon={<EditOutlined />}
          data-testid="edit"
          onClick={() => navigate(`${recordPath(resource, r.id)}/edit`)}
        >
          {t('common.edit')}
        </Button>
      )}
      {!deleted && can(`${resource}:delete`) && (
        <DeleteButton
          resource={resource}
          id={r.id}
          onDeleted={() => navigate(recordPath(resource), { replace: true })}
        />
      )}
      {deleted && can(`${resource}:delete`) && <RestoreButton resource={resource} id={r.id} />}
    </>
  );

  return (
    <Flex vertical gap={16}>
      <PageHeader
        back={back}
        title={
          <span data-testid={recordTestIds(entity).name}>
            {r.name} {deleted && <Tag color="red">{t('common.deleted')}</Tag>}
          </span>
        }
        subTitle={
          <Flex vertical gap={4}>
            <SummaryLine parts={config.subtitle(r)} />
            <TagList tags={r.tags} />
          </Flex>
        }
        extra={actions}
      />
      {deleted && (
        <Alert
          type="warning"
          showIcon
          data-testid="deleted-banner"
          title={t(`${resource}.deletedBanner`)}
          description={
            <>
              {t('common.deletedAt')} <TimeStamp value={r.deletedAt} />. {t('list.trashNote')}
            </>
          }
        />
      )}
      <Flex gap={16} wrap align="flex-start">
        <div style={{ flex: '2 1 420px', minWidth: 0 }}>
          <Tabs
            defaultActiveKey="details"
            items={[
              {
                key: 'details',
                label: <span data-testid="tab-details">{t('common.details')}</span>,
                children: (
                  <RecordDetails
                    kind={config.api}
                    record={r}
                    items={config.details}
                    defs={defs.data ?? []}
                    ownerName={ownerLabel(staffNames, r.ownerId, t('leads.pool.title'))}
                    compact={side !== null}
                  />
                ),
              },
              ...(config.extraTabs?.(r, t) ?? []),
              {
                key: 'timeline',
                label: <span data-testid="tab-timeline">{t('common.timeline')}</span>,
                children: <RecordTimeline resource={resource} id={r.id} defs={defs.data ?? []} />,
              },
            ]}
          />
        </div>
        {side && <div style={{ flex: '1 1 300px', minWidth: 0 }}>{side}</div>}
      </Flex>
    </Flex>
  );
}
