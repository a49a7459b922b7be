import 'i18next';
import type { en } from './en';

/** Type-checked keys: t('contacts.title') compiles, a typo does not. */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
