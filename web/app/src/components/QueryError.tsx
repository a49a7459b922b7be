import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, localizedMessage } from '../api/api-error';

interface Props {
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  /** Shown with a 404 instead of the generic "not found". */
  notFoundTitle?: string;
  extra?: ReactNode;
}

/** The error state of a page or section: what went wrong, in words, and a way to try again. */
export function QueryError({ error, onRetry, retrying, notFoundTitle, extra }: Props) {
  const { t } = useTranslation();
  const apiError = error instanceof ApiError ? error : undefined;

  let status: '403' | '404' | 'error' | 'warning' = 'error';
  let title = t('errors.generic');
  let subTitle: string | undefined = apiError && localizedMessage(apiError, t);
  if (apiError?.isForbidden) {
    status = '403';
    title = t('errors.forbidden');
    subTitle = undefined;
  } else if (apiError?.isNotFound) {
    status = '404';
    title = notFoundTitle ?? t('errors.notFound');
    subTitle = t('errors.notFoundText');
  } else if (apiError?.isNetwork) {
    status = 'warning';
    title = t('errors.network');
    subTitle = undefined;
  }

  const retry = onRetry && !apiError?.isNotFound && !apiError?.isForbidden;
  return (
    <Result
      status={status}
      title={title}
      subTitle={
        <>
          {subTitle}
          {apiError?.requestId && (
            <div style={{ fontSize: 12, marginTop: 4 }}>{t('errors.requestId', { id: apiError.requestId })}</div>
          )}
        </>
      }
      data-testid="error-state"
      extra={
        <>
          {retry && (
            <Button type="primary" data-testid="retry" loading={retrying} onClick={onRetry}>
              {t('common.retry')}
            </Button>
          )}
          {extra}
        </>
      }
    />
  );
}
