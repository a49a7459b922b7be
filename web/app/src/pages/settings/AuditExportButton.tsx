import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type AuditQuery, fetchAuditCsv } from '../../api/audit';
import { useAuth } from '../../auth/auth-context';
import { errorMessage } from '../../components/error-message';
import { saveFile } from './save-file';

/** Downloads the log as CSV with the filters on screen; says so when the export was cut short. */
export function AuditExportButton({ query }: { query: AuditQuery }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { manager } = useAuth();
  const [exporting, setExporting] = useState(false);

  const exportCsv = async () => {
    setExporting(true);
    try {
      const user = await manager.getUser();
      const csv = await fetchAuditCsv(query, user?.id_token ?? null);
      saveFile(csv.blob, csv.filename);
      if (csv.truncated) message.warning(t('audit.exportTruncated', { rows: csv.rows }));
      else message.success(t('audit.exported', { rows: csv.rows }));
    } catch (error) {
      message.error(errorMessage(error, t));
    } finally {
      setExporting(false);
    }
  };

  return (
    <Button icon={<DownloadOutlined />} loading={exporting} data-testid="audit-export" onClick={exportCsv}>
      {t('audit.export')}
    </Button>
  );
}
