import { AppstoreOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Flex, Segmented, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { usePipelines } from '../../api/deals';
import { useTeams } from '../../api/teams';
import { useAuth } from '../../auth/auth-context';
import { PageHeader } from '../../components/PageHeader';
import { QueryState } from '../../components/QueryState';
import { useListParams } from '../../components/useListParams';
import { DealBoard } from './DealBoard';
import { DealEditorModal } from './DealEditorModal';
import { DealList } from './DealList';

const PAGE_PARAMS = ['view', 'pipeline', 'team'] as const;

/** Deals: the board (default) or the list of a pipeline, and "New deal". */
export function DealsPage() {
  const { t } = useTranslation();
  const { can, user, roles } = useAuth();
  const navigate = useNavigate();
  // The view, pipeline and team are in the URL beside the list's own filters (useDealFilters).
  const { values, update: updateParams } = useListParams(PAGE_PARAMS);
  const pipelines = usePipelines();
  const [creating, setCreating] = useState(false);
  const view = values.view === 'list' ? 'list' : 'board';
  // A manager's board shows one of their teams at a time (the token's custom:teams claim).
  const claim = user?.profile['custom:teams'];
  const myTeams = typeof claim === 'string' ? claim.split(',').filter(Boolean) : [];
  const isManager = roles.includes('manager') && !roles.includes('admin');
  const teams = useTeams({ enabled: Boolean(isManager && myTeams.length > 1) });
  const teamId = isManager && myTeams.length > 1 ? (values.team ?? myTeams[0]) : undefined;

  if (!pipelines.isSuccess) return <QueryState query={pipelines} />;
  const pipeline = pipelines.data.find((p) => p.id === values.pipeline) ?? pipelines.data[0]!;
  const update = (key: (typeof PAGE_PARAMS)[number], value: string | undefined) => updateParams({ [key]: value });

  return (
    <Flex vertical gap={16}>
      <PageHeader
        title={t('deals.title')}
        extra={
          <>
            {pipelines.data.length > 1 && (
              <Select
                value={pipeline.id}
                onChange={(v) => update('pipeline', v)}
                options={pipelines.data.map((p) => ({ value: p.id, label: p.name }))}
                style={{ minWidth: 140 }}
                aria-label={t('deals.pipeline')}
              />
            )}
            {teamId && (
              <Select
                value={teamId}
                onChange={(v) => update('team', v)}
                options={myTeams.map((id) => ({ value: id, label: teams.data?.find((x) => x.id === id)?.name ?? id }))}
                aria-label={t('deals.team')}
              />
            )}
            <Segmented
              value={view}
              onChange={(v) => update('view', v === 'list' ? 'list' : undefined)}
              data-testid="deal-view-toggle"
              options={[
                { value: 'board', label: t('deals.view.board'), icon: <AppstoreOutlined /> },
                { value: 'list', label: t('deals.view.list'), icon: <UnorderedListOutlined /> },
              ]}
            />
            {can('deals:write') && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="deal-new">
                {t('deals.newDeal')}
              </Button>
            )}
          </>
        }
      />
      {view === 'board' ? (
        <DealBoard scope={{ pipelineId: pipeline.id, ...(teamId ? { teamId } : {}) }} />
      ) : (
        <DealList pipeline={pipeline} teamId={teamId} />
      )}
      <DealEditorModal
        open={creating}
        pipeline={pipeline}
        onClose={() => setCreating(false)}
        onSaved={(deal) => view === 'list' && navigate(`/deals/${deal.id}`)}
      />
    </Flex>
  );
}
