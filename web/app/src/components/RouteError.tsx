import { useTranslation } from 'react-i18next';
import { isRouteErrorResponse, useRouteError } from 'react-router-dom';
import { StatusPage } from './StatusPage';

/** A page that failed to render or load (e.g. a chunk gone after a deploy): offer a reload. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <StatusPage
      tone={notFound ? 'warning' : 'error'}
      title={notFound ? t('errors.pageNotFound') : t('errors.pageCrashed')}
      action={{ label: t('errors.reloadPage'), testId: 'reload', onClick: () => window.location.reload() }}
    />
  );
}
