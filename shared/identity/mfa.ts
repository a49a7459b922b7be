import type { Role } from '../auth/roles.js';
import { AppError } from '../domain/common/errors.js';

/**
 * Multi-factor authentication of staff, the pure part.
 *
 * Admins and sysadmins must use TOTP. Cognito can require MFA only for a whole pool, so the staff
 * pool keeps MFA optional (TOTP only) and the pre-token-generation trigger marks the ID token of an
 * admin or sysadmin without TOTP with `custom:mfa_enrol = "true"` (the local provider does the same
 * when local enforcement is on). Such a token opens only the enrolment routes below; every other
 * route answers 403 `mfa.enrolment_required`, which sends the console to its Account security page.
 * Once TOTP is verified, the next token (refresh or sign-in, which now asks for the code) has no mark.
 */

/** Groups whose members must have TOTP enrolled. */
export const MFA_GROUPS: readonly Role[] = ['admin', 'sysadmin'];

/** The ID-token claim that marks a principal who must enrol TOTP before doing anything else. */
export const MFA_ENROL_CLAIM = 'custom:mfa_enrol';

/** The routes a principal marked for enrolment may still call: who am I, and enrol. */
export const MFA_ENROLMENT_ROUTES: ReadonlySet<string> = new Set([
  'GET /api/me',
  'GET /api/me/mfa',
  'POST /api/me/mfa/totp',
  'POST /api/me/mfa/totp/verify',
]);

/** Issuer shown by authenticator apps next to the account. */
export const TOTP_ISSUER = 'Cirrus CRM';

export const mustUseMfa = (roles: readonly string[]): boolean => roles.some((r) => MFA_GROUPS.includes(r as Role));

/** Whether verified claims carry the enrolment mark (API Gateway hands claims over as strings). */
export const markedForEnrolment = (claims: Record<string, unknown>): boolean => {
  const mark = claims[MFA_ENROL_CLAIM];
  return mark === 'true' || mark === true;
};

export const mfaEnrolmentRequired = () =>
  new AppError(
    'forbidden',
    'mfa.enrolment_required',
    'Set up an authenticator app (TOTP) on the Account security page before using Cirrus CRM',
  );

export const totpCodeInvalid = () =>
  new AppError('bad_request', 'mfa.code_invalid', 'That code is not valid; enter the current 6-digit code', {
    code: 'Not the current code of the authenticator',
  });

export const totpNotStarted = () =>
  new AppError('conflict', 'mfa.not_started', 'Start the authenticator set-up first', {
    code: 'Start the set-up first',
  });

/**
 * The `otpauth://` URI authenticator apps read from a QR code (Key Uri Format): issuer and account
 * in the label, SHA-1, 6 digits, 30 seconds (what Cognito's software tokens use).
 */
export function otpauthUri(secret: string, account: string, issuer = TOTP_ISSUER): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  const params = new URLSearchParams({ secret, issuer, algorithm: 'SHA1', digits: '6', period: '30' });
  return `otpauth://totp/${label}?${params.toString()}`;
}
