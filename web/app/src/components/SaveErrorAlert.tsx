import { Alert, Button } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, localizedMessage } from '../api/api-error';

interface Props {
  error: unknown;
  /** Field errors no form item could show. */
  unmatched?: string[];
  /** Reload the record after a version conflict. */
  onReload?: () => void;
  reloading?: boolean;
  /** Bring the alert into view (the Save button is far below it) unless a field already was. */
  scrollIntoView?: boolean;
}

/**
 * Why a save failed, above the form: a stale version (someone else saved first), a conflict the
 * API explains in its message (a duplicate e-mail names the existing contact), invalid fields,
 * or a request that did not get through.
 */
export function SaveErrorAlert({ error, unmatched = [], onReload, reloading, scrollIntoView = true }: Props) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (error && scrollIntoView) ref.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [error, scrollIntoView]);
  if (!error) return null;
  const apiError = error instanceof ApiError ? error : undefined;

  if (apiError?.isVersionConflict) {
    return (
      <div ref={ref}>
        <Alert
          type="warning"
          showIcon
          data-testid="version-conflict"
          title={t('errors.versionConflictTitle')}
          description={t('errors.versionConflict')}
          action={
            onReload && (
              <Button size="small" data-testid="reload-record" loading={reloading} onClick={onReload}>
                {t('common.reload')}
              </Button>
            )
          }
          style={{ marginBottom: 16 }}
        />
      </div>
    );
  }

  let title: string;
  if (!apiError) title = t('errors.generic');
  else if (apiError.isNetwork) title = t('errors.network');
  // The code's own text: a validation failure says "some fields need your attention", a refusal
  // why (their fields, if any, are on the form or listed below).
  else title = localizedMessage(apiError, t);

  return (
    <div ref={ref}>
      <Alert
        type="error"
        showIcon
        data-testid="save-error"
        title={title}
        description={
          unmatched.length > 0 ? (
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {unmatched.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          ) : undefined
        }
        style={{ marginBottom: 16 }}
      />
    </div>
  );
}
