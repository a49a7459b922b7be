import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { AppError, invalid, notFound } from '../domain/common/errors.js';
import type { Team } from '../domain/teams/team.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { keys, teamDirectorySource, teamIndexKeys } from './keys.js';
import { getFound, recordOf, type TransactItem, versionedDelete, versionedPut, writeVersioned } from './kit.js';
import { queryPage } from './query.js';

/**
 * Teams and membership. A team lists its members (`memberIds`) and each member's profile lists
 * its teams (`teamIds`, what the token's `custom:teams` claim is made from). Every change writes
 * the team (conditioned on its version), each changed profile (conditioned on the teams it had
 * when read) and the audit record in one transaction: the two sides never disagree.
 */

const toTeam = (item: Record<string, unknown>): Team => recordOf<Team>(item);

export const teamItem = (t: Team): Record<string, unknown> => ({
  ...keys.team(t.id),
  type: 'Team',
  ...t,
  ...teamIndexKeys(t),
});

/** Every team by name (one Query of gsi2 TEAM); a CRM's teams fit in one page. */
export async function listTeams(limit = 200): Promise<Team[]> {
  const page = await queryPage<Record<string, unknown>>(teamDirectorySource, { limit, forward: true });
  return page.items.map(toTeam);
}

export async function getTeam(teamId: string): Promise<Team | undefined> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.team(teamId), ConsistentRead: true }));
  return out.Item ? toTeam(out.Item) : undefined;
}

/** A staff user's teams as their profile lists them (GetItem of the profile); none when unknown. */
export async function teamIdsOf(userId: string): Promise<string[]> {
  const out = await db().send(new GetCommand({ TableName: tableName(), Key: keys.user(userId), ConsistentRead: true }));
  return Array.isArray(out.Item?.teamIds) ? out.Item.teamIds.map(String) : [];
}

/** The profiles' current team lists, in one BatchGetItem; a user id with no profile is absent. */
export async function memberTeams(userIds: readonly string[]): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const item of await getFound(userIds.map((id) => keys.user(id)))) {
    found.set(String(item.id), Array.isArray(item.teamIds) ? item.teamIds.map(String) : []);
  }
  return found;
}

/** The profile changes a membership change needs: each member's teams before and after. */
export interface MembershipChange {
  userId: string;
  before: string[];
  after: string[];
}

/** Adds/removes `teamId` on the profiles of users who join or leave; unknown users are a 400. */
export function membershipChanges(
  teamId: string,
  before: readonly string[],
  after: readonly string[],
  current: Map<string, string[]>,
): MembershipChange[] {
  const joining = after.filter((id) => !before.includes(id));
  const leaving = before.filter((id) => !after.includes(id));
  const unknown = joining.filter((id) => !current.has(id));
  if (unknown.length) throw invalid({ memberIds: `Unknown user ${unknown.join(', ')}` });
  const changes: MembershipChange[] = [];
  for (const userId of joining) {
    const teams = current.get(userId)!;
    if (!teams.includes(teamId)) changes.push({ userId, before: teams, after: [...teams, teamId] });
  }
  for (const userId of leaving) {
    const teams = current.get(userId);
    if (teams?.includes(teamId)) changes.push({ userId, before: teams, after: teams.filter((t) => t !== teamId) });
  }
  return changes;
}

function updateProfileTeams(change: MembershipChange): TransactItem {
  const had = change.before.length > 0;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.user(change.userId),
      UpdateExpression: 'SET teamIds = :after',
      // Another team's change to the same user in between fails this one (retry re-reads).
      ConditionExpression: had
        ? 'attribute_exists(pk) AND teamIds = :before'
        : 'attribute_exists(pk) AND (attribute_not_exists(teamIds) OR size(teamIds) = :zero)',
      ExpressionAttributeValues: { ':after': change.after, ...(had ? { ':before': change.before } : { ':zero': 0 }) },
    },
  };
}

/**
 * Writes a team's next state (create: `before` undefined; delete: `after` undefined) with the
 * member profiles it changes and its audit record, all or nothing.
 */
export async function writeTeam(
  before: Team | undefined,
  after: Team | undefined,
  changes: MembershipChange[],
  audit: AuditRecord,
  /** More items of the same transaction (a create's stored Idempotency-Key answer). */
  extra: TransactItem[] = [],
): Promise<void> {
  const teamId = (after ?? before)!.id;
  const items: TransactItem[] = [];
  if (after) {
    items.push(versionedPut(teamItem(after), before?.version));
  } else {
    items.push(versionedDelete(keys.team(teamId), before!.version));
  }
  items.push(...changes.map(updateProfileTeams), putAudit(audit), ...extra);
  // DynamoDB's limit of 100 items a transaction: the team, its audit record and, on a keyed create, the answer.
  if (items.length > 100) throw invalid({ memberIds: 'Change at most 97 memberships at once' });
  await writeVersioned(items, 'team', (failed) =>
    failed.some((f) => f.index === 0)
      ? undefined
      : new AppError('conflict', 'team.membership_changed', 'A member’s teams changed meanwhile; try again'),
  );
}

export function teamNotFound(): AppError {
  return notFound('team');
}
