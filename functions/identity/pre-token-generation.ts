import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { teamIdsOf } from '../../shared/db/teams.repository.js';

/**
 * Cognito pre-token-generation trigger of the staff pool.
 *
 * 1. MFA for admins and sysadmins. Cognito can require MFA only for a whole pool, so the staff
 *    pool keeps MFA optional (TOTP) and this trigger refuses to issue tokens to a member of the
 *    `admin` or `sysadmin` group who has not enrolled a TOTP authenticator: it reads the user's
 *    MFA settings with AdminGetUser and throws, which makes Cognito fail the sign-in (or refresh)
 *    with the message. When the lookup itself fails (throttled, unavailable) it also throws: no
 *    token is better than a privileged token without the MFA check.
 * 2. Adds the user's teams to the ID token as `custom:teams` (comma-separated team ids), read from
 *    the staff profile's `teamIds`. The principal's team scope comes from this claim
 *    (shared/auth/principal.ts); the local OIDC provider adds the same claim from the same
 *    profile. A membership change shows in the next token (sign-in or refresh).
 */

/** Groups whose members must have TOTP MFA enrolled before they get a token. */
export const MFA_GROUPS: readonly string[] = ['admin', 'sysadmin'];

export const MFA_REQUIRED_MESSAGE =
  'Administrators and system administrators must set up an authenticator app (TOTP MFA) before signing in. Ask another administrator for help.';
export const MFA_CHECK_FAILED_MESSAGE = 'Could not verify multi-factor authentication; please try again.';

let cognito: CognitoIdentityProviderClient | undefined;
const client = () => {
  cognito ??= new CognitoIdentityProviderClient({ maxAttempts: 3 });
  return cognito;
};

/** Throws unless the user needs no MFA or has TOTP enrolled. */
async function requireMfaForPrivilegedGroups(event: PreTokenGenerationTriggerEvent): Promise<void> {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (!groups.some((g) => MFA_GROUPS.includes(g))) return;
  let mfa: readonly string[];
  try {
    const user = await client().send(
      new AdminGetUserCommand({ UserPoolId: event.userPoolId, Username: event.userName }),
    );
    mfa = user.UserMFASettingList ?? [];
  } catch (error) {
    console.error(JSON.stringify({ message: 'MFA check failed', error: (error as Error)?.name }));
    throw new Error(MFA_CHECK_FAILED_MESSAGE);
  }
  if (!mfa.includes('SOFTWARE_TOKEN_MFA')) throw new Error(MFA_REQUIRED_MESSAGE);
}

export async function handler(event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> {
  await requireMfaForPrivilegedGroups(event);
  const sub = event.request.userAttributes.sub;
  const teamIds = sub ? await teamIdsOf(sub) : [];
  event.response = {
    claimsOverrideDetails: {
      ...event.response.claimsOverrideDetails,
      claimsToAddOrOverride: {
        ...event.response.claimsOverrideDetails?.claimsToAddOrOverride,
        'custom:teams': teamIds.join(','),
      },
    },
  };
  return event;
}
