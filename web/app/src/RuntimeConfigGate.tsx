import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FullPageSpin } from './components/FullPageSpin';
import { StatusPage } from './components/StatusPage';
import { loadRuntimeConfig, type RuntimeConfig } from './runtime-config';

/** Nothing can sign in before /config.json names the OIDC provider. */
export function RuntimeConfigGate({ children }: { children: (config: RuntimeConfig) => ReactNode }) {
  const { t } = useTranslation();
  const config = useQuery({
    queryKey: ['runtime-config'],
    queryFn: ({ signal }) => loadRuntimeConfig(signal),
    staleTime: Number.POSITIVE_INFINITY,
    retry: 1,
  });

  if (config.data) return children(config.data);
  if (config.isError && !config.isFetching) {
    return (
      <StatusPage
        tone="warning"
        title={t('boot.configFailed')}
        text={t('boot.configHint')}
        action={{ label: t('common.retry'), testId: 'retry', onClick: () => void config.refetch() }}
      />
    );
  }
  return <FullPageSpin />;
}
