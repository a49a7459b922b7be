import { useTranslation } from 'react-i18next';

/** A spinner for the whole page, without the component library (it is not loaded yet). */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <div className="full-page-center" data-testid="page-loading" role="status" aria-live="polite">
      <span className="plain-spinner" aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
