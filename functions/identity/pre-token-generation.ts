import { AdminGetUserCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { teamIdsOf } from '../../shared/db/teams.repository.js';
import { MFA_ENROL_CLAIM, MFA_GROUPS } from '../../shared/identity/mfa.js';

parseConfigAtColdStart();

/**
 * Cognito pre-token-generation trigger of the staff pool.
 *
 * 1. MFA for admins and sysadmins. Cognito can require MFA only for a whole pool, so the staff
 *    pool keeps MFA optional (TOTP) and this trigger reads the MFA settings (AdminGetUser) of a
 *    member of the `admin` or `sysadmin` group: without TOTP, the ID token is marked
 *    `custom:mfa_enrol = "true"`, which opens only the enrolment routes (the API answers every
 *    other route 403 `mfa_enrolment_required` and the console shows its Account security page).
 *    Refusing the token outright, as before, left a new admin no way to enrol. When the lookup
 *    itself fails (throttled, unavailable) it throws: no token is better than a privileged token
 *    without the MFA check.
 * 2. Adds the user's teams to the ID token as `custom:teams` (comma-separated team ids), read from
 *    the staff profile's `teamIds`. The principal's team scope comes from this claim
 *    (shared/auth/principal.ts); the local OIDC provider adds the same claim from the same
 *    profile. A membership change shows in the next token (sign-in or refresh).
 */

export { MFA_GROUPS };

export const MFA_CHECK_FAILED_MESSAGE = 'Could not verify multi-factor authentication; please try again.';

let cognito: CognitoIdentityProviderClient | undefined;
const client = () => {
  cognito ??= new CognitoIdentityProviderClient({ maxAttempts: 3 });
  return cognito;
};

/** Whether the user must still enrol TOTP (a member of an MFA group without it); throws when it cannot tell. */
async function mustEnrolMfa(event: PreTokenGenerationTriggerEvent): Promise<boolean> {
  const groups = event.request.groupConfiguration?.groupsToOverride ?? [];
  if (!groups.some((g) => (MFA_GROUPS as readonly string[]).includes(g))) return false;
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
  return !mfa.includes('SOFTWARE_TOKEN_MFA');
}

export async function handler(event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> {
  const enrol = await mustEnrolMfa(event);
  const sub = event.request.userAttributes.sub;
  const teamIds = sub ? await teamIdsOf(sub) : [];
  event.response = {
    claimsOverrideDetails: {
      ...event.response.claimsOverrideDetails,
      claimsToAddOrOverride: {
        ...event.response.claimsOverrideDetails?.claimsToAddOrOverride,
        'custom:teams': teamIds.join(','),
        ...(enrol ? { [MFA_ENROL_CLAIM]: 'true' } : {}),
      },
    },
  };
  return event;
}
