import { type Key, type ListSource, nameKey } from './keys.core.js';

/**
 * Staff users and teams.
 *
 * Base table
 * | item                         | pk                           | sk                   |
 * |------------------------------|------------------------------|----------------------|
 * | staff user profile           | USER#<userId>                | PROFILE              |
 * | local sign-in credential     | USER#<userId>                | CREDENTIAL           |
 * | count of admins not disabled | USER#ADMINS                  | COUNT                |
 * | staff e-mail → user (unique) | USER_EMAIL#<email>           | GUARD                |
 * | local invitation (TTL)       | INVITATION#<sha256(token)>   | INVITATION           |
 * | portal user → contact link   | PORTAL_USER#<userId>         | PROFILE              |
 * | team                         | TEAM#<teamId>                | TEAM                 |
 *
 * | index | pk                         | sk                 | access pattern                                  |
 * |-------|----------------------------|--------------------|-------------------------------------------------|
 * | gsi2  | USER                       | <name>#<id>        | staff directory by name                         |
 * | gsi2  | TEAM                       | <name>#<teamId>    | teams by name                                   |
 */

export const staffKeys = {
  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** How many admins are not disabled: the guard that keeps the last one (conditional decrement). */
  adminCount: (): Key => ({ pk: 'USER#ADMINS', sk: 'COUNT' }),
  portalUser: (userId: string): Key => ({ pk: `PORTAL_USER#${userId}`, sk: 'PROFILE' }),
  /** Local provider only: a staff user's scrypt password hash (Cognito keeps it in AWS). */
  localCredential: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'CREDENTIAL' }),
  /** One staff account per e-mail; also how the local provider finds a user at sign-in. */
  userEmailGuard: (email: string): Key => ({ pk: `USER_EMAIL#${email.trim().toLowerCase()}`, sk: 'GUARD' }),
  /** Local provider only: a pending invitation, by the hash of its single-use token. */
  invitation: (tokenHash: string): Key => ({ pk: `INVITATION#${tokenHash}`, sk: 'INVITATION' }),
  team: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: 'TEAM' }),
};

export const staffDirectorySource: ListSource = { index: 'gsi2', pk: 'USER' };
export const teamDirectorySource: ListSource = { index: 'gsi2', pk: 'TEAM' };
export function teamIndexKeys(t: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: 'TEAM', gsi2sk: `${nameKey(t.name)}#${t.id}` };
}
export function userIndexKeys(u: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: 'USER', gsi2sk: `${nameKey(u.name)}#${u.id}` };
}
