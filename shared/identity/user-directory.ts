import type { Role } from '../auth/roles.js';
import { AppError } from '../domain/common/errors.js';

/**
 * The port to whoever keeps staff sign-ins: the Cognito staff pool in AWS, the local OIDC
 * provider's store on one machine. There is no `list` here: the profile items in the table are
 * the list, and every change made through this port is mirrored on the profile (with its audit
 * record) by the users context.
 */
export interface UserDirectory {
  /** Creates the account and sends the invitation; answers the new user's id (the token `sub`). */
  invite(email: string, name: string, role: Role): Promise<string>;
  /** Makes `role` the user's only role (group). */
  setRole(userId: string, role: Role): Promise<void>;
  /** The user can no longer sign in, and their refresh tokens stop working. */
  disable(userId: string): Promise<void>;
  enable(userId: string): Promise<void>;
  /**
   * Starts (or restarts) the user's own TOTP enrolment: a new base32 secret, not in force until a
   * code of it is verified. In AWS this acts with the user's own Cognito access token (Cognito has
   * no admin call for it); locally the store acts for the user id.
   */
  beginTotp(userId: string, accessToken: string | undefined): Promise<{ secret: string }>;
  /** Checks a 6-digit code of the new secret and makes TOTP the user's MFA (asked at every sign-in). */
  verifyTotp(userId: string, code: string, accessToken: string | undefined): Promise<void>;
}

export const userExists = () =>
  new AppError('conflict', 'user.email_taken', 'A staff user with this e-mail already exists', {
    email: 'Already a staff user',
  });

export const userNotFound = () => new AppError('not_found', 'user.not_found', 'user not found');
