import type { User } from 'oidc-client-ts';
import { rolesAllow } from '../../../../shared/auth/permissions';
import { isRole, type Role } from '../../../../shared/auth/roles';
import type { Permission } from '../api/types';

/** Staff roles are Cognito groups, carried in the id_token's `cognito:groups` claim. */
export function rolesOf(user: User | null): Role[] {
  const groups = user?.profile['cognito:groups'];
  if (!Array.isArray(groups)) return [];
  return groups.filter((group): group is Role => typeof group === 'string' && isRole(group));
}

export function displayNameOf(user: User | null): string {
  const profile = user?.profile;
  if (!profile) return '';
  const name = profile.name ?? [profile.given_name, profile.family_name].filter(Boolean).join(' ');
  return name || profile.preferred_username || profile.email || profile.sub;
}

/** What the UI offers; the API checks the same matrix on every request anyway. */
export function can(roles: readonly Role[], permission: Permission): boolean {
  return rolesAllow(roles, permission);
}
