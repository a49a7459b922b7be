import type { TFunction } from 'i18next';
import { ApiError } from '../../api/api-error';
import { errorMessage } from '../../components/error-message';

const KNOWN = new Set(['claim_limit', 'cooldown', 'already_claimed', 'not_a_lead']);

/** A pool refusal in the user's language (limit, cooldown, someone was faster), else the usual message. */
export function leadErrorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const code = error.code.replace(/^leadPool\./, '');
    if (error.code.startsWith('leadPool.') && KNOWN.has(code)) return t(`leads.errors.${code}` as never);
    if (error.isNotFound) return t('leads.pool.gone');
  }
  return errorMessage(error, t);
}
