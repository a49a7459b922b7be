import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  AssociateSoftwareTokenCommand,
  type CognitoIdentityProviderClient,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { isRole, type Role } from '../auth/roles.js';
import { AppError, unavailable } from '../domain/common/errors.js';
import { totpCodeInvalid } from './mfa.js';
import { type UserDirectory, userExists, userNotFound } from './user-directory.js';

/**
 * Staff accounts in the Cognito staff pool, through the admin API. E-mail is the pool's user name
 * attribute, so the account's `Username` is its `sub`, which is also our user id. Cognito e-mails
 * the invitation itself: a temporary password (valid for the pool's tempPasswordValidity), changed
 * at first sign-in on the hosted UI.
 */
export class CognitoUserDirectory implements UserDirectory {
  constructor(
    private readonly client: CognitoIdentityProviderClient,
    private readonly userPoolId: string,
  ) {}

  async invite(email: string, name: string, role: Role): Promise<string> {
    const out = await this.call(() =>
      this.client.send(
        new AdminCreateUserCommand({
          UserPoolId: this.userPoolId,
          Username: email,
          UserAttributes: [
            { Name: 'email', Value: email },
            // An admin typed the address of a colleague; Cognito sends the invitation there.
            { Name: 'email_verified', Value: 'true' },
            { Name: 'name', Value: name },
          ],
          DesiredDeliveryMediums: ['EMAIL'],
        }),
      ),
    );
    const sub = out.User?.Attributes?.find((a) => a.Name === 'sub')?.Value ?? out.User?.Username;
    if (!sub) throw new Error('AdminCreateUser answered without a user');
    await this.setRole(sub, role);
    return sub;
  }

  async setRole(userId: string, role: Role): Promise<void> {
    const groups = await this.call(() =>
      this.client.send(new AdminListGroupsForUserCommand({ UserPoolId: this.userPoolId, Username: userId })),
    );
    const current = (groups.Groups ?? []).map((g) => g.GroupName ?? '').filter(isRole);
    if (!current.includes(role)) {
      await this.call(() =>
        this.client.send(
          new AdminAddUserToGroupCommand({ UserPoolId: this.userPoolId, Username: userId, GroupName: role }),
        ),
      );
    }
    // Add before remove: the user is never left without a role in between.
    for (const other of current.filter((g) => g !== role)) {
      await this.call(() =>
        this.client.send(
          new AdminRemoveUserFromGroupCommand({ UserPoolId: this.userPoolId, Username: userId, GroupName: other }),
        ),
      );
    }
  }

  async disable(userId: string): Promise<void> {
    await this.call(() =>
      this.client.send(new AdminDisableUserCommand({ UserPoolId: this.userPoolId, Username: userId })),
    );
    // Disabling stops new sign-ins; signing out revokes the refresh tokens already handed out.
    await this.call(() =>
      this.client.send(new AdminUserGlobalSignOutCommand({ UserPoolId: this.userPoolId, Username: userId })),
    );
  }

  async enable(userId: string): Promise<void> {
    await this.call(() =>
      this.client.send(new AdminEnableUserCommand({ UserPoolId: this.userPoolId, Username: userId })),
    );
  }

  /**
   * TOTP enrolment runs on the user's own access token (scope aws.cognito.signin.user.admin, which
   * the staff SPA client asks for): Cognito has no admin call that associates a software token.
   * The token must be the caller's own; Cognito verifies its signature, expiry and revocation.
   */
  async beginTotp(userId: string, accessToken: string | undefined): Promise<{ secret: string }> {
    const token = ownAccessToken(userId, accessToken);
    const out = await this.call(
      () => this.client.send(new AssociateSoftwareTokenCommand({ AccessToken: token })),
      selfServiceError,
    );
    if (!out.SecretCode) throw new Error('AssociateSoftwareToken answered without a secret');
    return { secret: out.SecretCode };
  }

  async verifyTotp(userId: string, code: string, accessToken: string | undefined): Promise<void> {
    const token = ownAccessToken(userId, accessToken);
    const out = await this.call(
      () =>
        this.client.send(
          new VerifySoftwareTokenCommand({ AccessToken: token, UserCode: code, FriendlyDeviceName: 'Cirrus CRM' }),
        ),
      totpError,
    );
    if (out.Status !== 'SUCCESS') throw totpCodeInvalid();
    // Verified is not yet in force: make TOTP the user's (preferred) MFA, so every sign-in asks for it.
    await this.call(
      () =>
        this.client.send(
          new SetUserMFAPreferenceCommand({
            AccessToken: token,
            SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
          }),
        ),
      selfServiceError,
    );
  }

  /** Cognito's errors as domain errors; anything unexpected stays an unknown error (a bare 500). */
  private async call<T>(send: () => Promise<T>, map: (error: unknown) => unknown = cognitoError): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw map(error);
    }
  }
}

export const accessTokenRequired = () =>
  new AppError(
    'bad_request',
    'mfa.access_token_required',
    'Send your access token in the X-Access-Token header to set up an authenticator',
  );

/**
 * The access token sent along (header X-Access-Token), checked to be an access token of the
 * caller: its signature is Cognito's to check, but a token of someone else must not enrol them.
 */
export function ownAccessToken(userId: string, token: string | undefined): string {
  if (!token) throw accessTokenRequired();
  let claims: { sub?: unknown; token_use?: unknown };
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    throw accessTokenRequired();
  }
  if (claims.token_use !== 'access') throw accessTokenRequired();
  if (claims.sub !== userId) {
    throw new AppError('forbidden', 'mfa.access_token_mismatch', 'The access token belongs to another user');
  }
  return token;
}

/** Errors of the calls made with the user's access token. */
function selfServiceError(error: unknown): unknown {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  // The access token expired, was revoked (sign-out) or lacks the aws.cognito.signin.user.admin scope.
  if (name === 'NotAuthorizedException') {
    return new AppError('unauthorized', 'auth.unauthorized', 'Sign in again to change your security settings');
  }
  return cognitoError(error);
}

/** Errors of VerifySoftwareToken: a wrong or stale code is the user's to fix (400), not ours. */
function totpError(error: unknown): unknown {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (name === 'CodeMismatchException' || name === 'EnableSoftwareTokenMFAException') return totpCodeInvalid();
  return selfServiceError(error);
}

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException']);

export function cognitoError(error: unknown): unknown {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (name === 'UsernameExistsException' || name === 'AliasExistsException') return userExists();
  if (name === 'UserNotFoundException') return userNotFound();
  if (name === 'InvalidParameterException') {
    return new AppError('bad_request', 'request.validation_failed', 'The identity provider refused this user', {
      email: 'Not accepted by the identity provider',
    });
  }
  if (THROTTLED.has(name)) return unavailable();
  return error;
}
