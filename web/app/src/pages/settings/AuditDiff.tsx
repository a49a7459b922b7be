import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../api/audit';
import { useCustomFields } from '../../api/custom-fields';
import { useStaffNames } from '../../api/staff';
import { currentLanguage } from '../../i18n';
import { changeLabel, changeValue, type ValueContext } from './audit-values';
import './audit.css';

/** Each field of one audit entry, before and after. */
export function AuditDiff({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const staffNames = useStaffNames();
  // Custom field labels of the record's kind; a definition's own entries need none.
  const defs = useCustomFields(entry.entity === 'company' ? 'company' : 'contact');
  const ctx: ValueContext = { t, defs: defs.data ?? [], staffNames, language: currentLanguage() };

  if (!entry.changes.length) {
    return (
      <Typography.Text type="secondary" data-testid="audit-diff">
        {t('audit.diff.none')}
      </Typography.Text>
    );
  }
  return (
    <table className="audit-diff" data-testid="audit-diff">
      <thead>
        <tr>
          <th scope="col">{t('audit.diff.field')}</th>
          <th scope="col">{t('audit.diff.before')}</th>
          <th scope="col">{t('audit.diff.after')}</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((change) => (
          <tr key={change.field} data-testid="audit-change">
            <th scope="row" data-testid="audit-change-field">
              {changeLabel(entry, change.field, ctx)}
            </th>
            <td data-label={t('audit.diff.before')} data-testid="audit-change-before">
              <del>{changeValue(entry, change.field, change.before, ctx)}</del>
            </td>
            <td data-label={t('audit.diff.after')} data-testid="audit-change-after">
              <ins>{changeValue(entry, change.field, change.after, ctx)}</ins>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
