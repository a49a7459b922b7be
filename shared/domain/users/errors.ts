import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of staff users, invitations and their authenticator (MFA) set-up. */
export const USER_ERRORS = {
  'user.not_found': { kind: 'not_found', message: 'user not found' },
  'user.exists': { kind: 'conflict', message: 'Already seeded' },
  'user.email_taken': { kind: 'conflict', message: 'A staff user with this e-mail already exists' },
  'user.admin_role_forbidden': { kind: 'forbidden', message: 'Only an admin can grant or remove the admin role' },
  'user.last_admin': {
    kind: 'conflict',
    message: 'This is the last active admin; make someone else admin first',
  },
  'invitation.invalid': { kind: 'bad_request', message: 'This link has expired or was already used' },
  'mfa.enrolment_required': {
    kind: 'forbidden',
    message: 'Set up an authenticator app (TOTP) on the Account security page before using Cirrus CRM',
  },
  'mfa.code_invalid': { kind: 'bad_request', message: 'That code is not valid; enter the current 6-digit code' },
  'mfa.not_started': { kind: 'conflict', message: 'Start the authenticator set-up first' },
  'mfa.access_token_required': {
    kind: 'bad_request',
    message: 'Send your access token in the X-Access-Token header to set up an authenticator',
  },
  'mfa.access_token_mismatch': { kind: 'forbidden', message: 'The access token belongs to another user' },
} as const satisfies ErrorCatalogue;
