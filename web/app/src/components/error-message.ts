import type { TFunction } from 'i18next';
import { ApiError } from '../api/api-error';

/** One line for a toast: translated where the kind of failure is known, else the API's message. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (!(error instanceof ApiError)) return t('errors.generic');
  if (error.isNetwork) return t('errors.network');
  if (error.isForbidden) return t('errors.forbidden');
  if (error.isVersionConflict) return t('errors.versionConflict');
  return error.message || t('errors.generic');
}
