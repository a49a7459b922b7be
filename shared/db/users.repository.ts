import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../auth/roles.js';
import { db, tableName } from './client.js';
import { keys, staffDirectorySource, userIndexKeys } from './keys.js';
import { queryPage } from './query.js';

/**
 * Staff user profiles: who can own records. The identity provider (Cognito, or the local OIDC
 * provider) is the source of sign-in; the profile is what the CRM shows and assigns to.
 */
export interface StaffProfile {
  id: string;
  name: string;
  email: string;
  roles: Role[];
}

/** The staff directory by name (one Query of gsi2 USER); a team's staff fits in one page. */
export async function listStaff(limit = 200): Promise<StaffProfile[]> {
  const page = await queryPage<Record<string, unknown>>(staffDirectorySource, { limit, forward: true });
  return page.items.map((i) => ({
    id: String(i.id),
    name: String(i.name),
    email: String(i.email),
    roles: i.roles as Role[],
  }));
}

export async function putStaffProfile(profile: StaffProfile): Promise<void> {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.user(profile.id), type: 'User', ...profile, ...userIndexKeys(profile) },
    }),
  );
}
