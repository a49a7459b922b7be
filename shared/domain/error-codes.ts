import { AUDIT_ERRORS } from './audit/errors.js';
import type { ErrorSpec } from './common/error-kind.js';
import { REQUEST_ERRORS } from './common/request-errors.js';
import { CONTRACT_ERRORS } from './contracts/errors.js';
import { CUSTOMER_ERRORS } from './customers/errors.js';
import { DEAL_ERRORS } from './deals/errors.js';
import { FORECAST_ERRORS } from './forecast/errors.js';
import { LEAD_ERRORS } from './leads/errors.js';
import { NOTIFICATION_ERRORS } from './notifications/errors.js';
import { QUOTE_ERRORS } from './quotes/errors.js';
import { SERVICE_ERRORS } from './service/errors.js';
import { TEAM_ERRORS } from './teams/errors.js';
import { USER_ERRORS } from './users/errors.js';
import { WORK_ERRORS } from './work/errors.js';

/**
 * Every context's catalogue, by context. The API's error vocabulary is exactly these codes: the
 * union below is what AppError accepts, so an undeclared code does not compile, and the console
 * keeps an English and a Chinese message for each (web/app/src/i18n/api-errors.ts).
 */
export const ERROR_CATALOGUES = {
  request: REQUEST_ERRORS,
  audit: AUDIT_ERRORS,
  contracts: CONTRACT_ERRORS,
  customers: CUSTOMER_ERRORS,
  deals: DEAL_ERRORS,
  forecast: FORECAST_ERRORS,
  leads: LEAD_ERRORS,
  notifications: NOTIFICATION_ERRORS,
  quotes: QUOTE_ERRORS,
  service: SERVICE_ERRORS,
  teams: TEAM_ERRORS,
  users: USER_ERRORS,
  work: WORK_ERRORS,
} as const;

type Catalogues = typeof ERROR_CATALOGUES;
type AllErrors = { [K in keyof Catalogues]: Catalogues[K] }[keyof Catalogues];
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** code → spec over all contexts. */
export type ErrorTable = UnionToIntersection<AllErrors>;
/** Every declared error code (`contact.email_taken`, `request.stale_version`, ...). */
export type ErrorCode = keyof ErrorTable & string;
/** The kind a code is declared with. */
export type KindOf<C extends ErrorCode> = ErrorTable[C] extends { kind: infer K } ? K : never;

/** The catalogues merged; a code declared twice is caught by the catalogue unit test. */
export const ERRORS = Object.assign({}, ...Object.values(ERROR_CATALOGUES)) as Record<ErrorCode, ErrorSpec>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.hasOwn(ERRORS, code);
}
