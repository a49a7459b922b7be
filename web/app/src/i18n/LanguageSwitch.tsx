import { useTranslation } from 'react-i18next';
import { LanguageSwitch as Switch } from '../../../shared/LanguageSwitch';
import { currentLanguage } from '.';

/** English / 中文; the choice is kept in localStorage by the language detector. */
export function LanguageSwitch() {
  const { i18n, t } = useTranslation();
  return (
    <Switch value={currentLanguage()} label={t('language.label')} onChange={(lng) => void i18n.changeLanguage(lng)} />
  );
}
