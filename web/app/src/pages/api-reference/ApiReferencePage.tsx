import { DownloadOutlined } from '@ant-design/icons';
import { ApiReferenceReact } from '@scalar/api-reference-react';
import '@scalar/api-reference-react/style.css';
import { Button, Skeleton, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useOpenApiDocument } from '../../api/openapi';
import { PageHeader } from '../../components/PageHeader';
import { QueryError } from '../../components/QueryError';
import { saveFile } from '../settings/save-file';

/**
 * /app/settings/api: the OpenAPI document rendered by Scalar. This module is its own lazy chunk
 * (Scalar brings Vue and its styles), so nothing of it loads before someone opens the page. The
 * document is fetched with the signed-in user's token and handed over as content: Scalar's own
 * fetch of a URL would go without one.
 */
export function ApiReferencePage() {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const doc = useOpenApiDocument();
  // Scalar re-renders on a new configuration object: one per document, not one per render.
  const configuration = useMemo(
    () => ({
      content: doc.data,
      // Scalar's own labels in the console's language (it ships zh-CN).
      localization: { locale },
      // No fonts from Scalar's CDN, no telemetry, no AI agent, no hosted tools or "try it" client:
      // the console talks to its own origin only (its Content-Security-Policy says so too).
      withDefaultFonts: false,
      telemetry: false,
      agent: { disabled: true },
      showDeveloperTools: 'never' as const,
      hideClientButton: true,
      hideTestRequestButton: true,
      hideDarkModeToggle: true,
      documentDownloadType: 'none' as const,
    }),
    [doc.data, locale],
  );

  return (
    <div data-testid="api-reference-page">
      <PageHeader
        title={t('apiReference.title')}
        subTitle={<Typography.Text type="secondary">{t('apiReference.intro')}</Typography.Text>}
        extra={
          doc.data && (
            <Button
              icon={<DownloadOutlined />}
              onClick={() =>
                saveFile(new Blob([JSON.stringify(doc.data, null, 2)], { type: 'application/json' }), 'openapi.json')
              }
            >
              {t('apiReference.download')}
            </Button>
          )
        }
      />
      {doc.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : doc.isError ? (
        <QueryError error={doc.error} onRetry={() => doc.refetch()} retrying={doc.isFetching} />
      ) : (
        <div className="api-reference" data-testid="api-reference">
          <ApiReferenceReact configuration={configuration} />
        </div>
      )}
    </div>
  );
}
