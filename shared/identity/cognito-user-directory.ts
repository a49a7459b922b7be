import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminDisableUserCommand,
  AdminEnableUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  AdminUserGlobalSignOutCommand,
  type CognitoIdentityProviderClient,
} from '@aws-sdk/client-cognito-identity-provider';
import { isRole, type Role } from '../auth/roles.js';
import { AppError, unavailable } from '../http/errors.js';
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

  /** Cognito's errors as domain errors; anything unexpected stays an unknown error (a bare 500). */
  private async call<T>(send: () => Promise<T>): Promise<T> {
    try {
      return await send();
    } catch (error) {
      throw cognitoError(error);
    }
  }
}

const THROTTLED = new Set(['TooManyRequestsException', 'ThrottlingException', 'LimitExceededException']);

export function cognitoError(error: unknown): unknown {
  const name = (error as { name?: string } | undefined)?.name ?? '';
  if (name === 'UsernameExistsException' || name === 'AliasExistsException') return userExists();
  if (name === 'UserNotFoundException') return userNotFound();
  if (name === 'InvalidParameterException') {
    return new AppError('bad_request', 'validation_failed', 'The identity provider refused this user', {
      email: 'Not accepted by the identity provider',
    });
  }
  if (THROTTLED.has(name)) return unavailable();
  return error;
}
