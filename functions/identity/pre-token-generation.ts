import type { PreTokenGenerationTriggerEvent } from 'aws-lambda';
import { teamIdsOf } from '../../shared/db/teams.repository.js';

/**
 * Cognito pre-token-generation trigger of the staff pool: adds the user's teams to the ID token
 * as `custom:teams` (comma-separated team ids), read from the staff profile's `teamIds`. The
 * principal's team scope comes from this claim (shared/auth/principal.ts); the local OIDC
 * provider adds the same claim from the same profile. A membership change shows in the next
 * token (sign-in or refresh).
 */
export async function handler(event: PreTokenGenerationTriggerEvent): Promise<PreTokenGenerationTriggerEvent> {
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
