import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import localizedFormat from 'dayjs/plugin/localizedFormat';
import relativeTime from 'dayjs/plugin/relativeTime';
import i18n from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, type Language, normalizeLanguage } from '../../../shared/language';
import { en } from './en';
import { zhCN } from './zh-CN';

export function currentLanguage(): Language {
  return normalizeLanguage(i18n.resolvedLanguage ?? i18n.language);
}

/** dayjs (relative times, date pickers) and <html lang> follow the UI language. */
function followLanguage(language: string): void {
  const lng = normalizeLanguage(language);
  dayjs.locale(lng === 'zh-CN' ? 'zh-cn' : 'en');
  document.documentElement.lang = lng;
}

export function initI18n(): typeof i18n {
  dayjs.extend(relativeTime);
  dayjs.extend(localizedFormat);
  i18n.on('languageChanged', followLanguage);
  void i18n
    .use(LanguageDetector)
    .use(initReactI18next)
    .init({
      resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
      supportedLngs: [...LANGUAGES],
      fallbackLng: 'en',
      load: 'currentOnly',
      detection: {
        // The visitor's choice (shared with the portal), else the browser's language.
        order: ['localStorage', 'navigator'],
        lookupLocalStorage: LANGUAGE_STORAGE_KEY,
        caches: ['localStorage'],
        convertDetectedLanguage: normalizeLanguage,
      },
      interpolation: { escapeValue: false },
    });
  return i18n;
}
