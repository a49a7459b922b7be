import type { TFunction } from 'i18next';
import { ApiError, localizedMessage } from '../api/api-error';

/** One line for a toast: the code's text in the user's language, else the API's message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.isNetwork) return t('errors.network');
  if (error.isVersionConflict) return t('errors.versionConflict');
  return localizedMessage(error, t) || t('errors.generic');
}
