import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../components/error-message';

/** A pool refusal in the user's language (limit, cooldown, someone was faster, by its code), or a lead gone meanwhile. */
export function leadErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError && error.isNotFound) return t('leads.pool.gone');
  return errorMessage(error, t);
}
