import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../auth/roles.js';
import { AppError, staleVersion } from '../domain/common/errors.js';
import type { UserStatus } from '../domain/users/user.schema.js';
import type { AuditRecord } from './audit.js';
import { putAudit } from './audit.js';
import { db, tableName } from './client.js';
import { keys, staffDirectorySource, userIndexKeys } from './keys.js';
import { recordOf, type TransactItem, transactWrite } from './kit.js';
import { queryPage } from './query.js';

/**
 * Staff user profiles: who can own records. The identity provider (Cognito, or the local OIDC
 * provider) is the source of sign-in; the profile is what the CRM shows and assigns to, and what
 * the Users page lists (role, teams, status, last sign-in).
 */
export interface StaffProfile {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  teamIds?: string[];
  /** Absent on profiles written before user administration: read as active. */
  status?: UserStatus;
  lastSignInAt?: string;
  /** `totp` once the user verified an authenticator app (written by the users context, audited). */
  mfa?: 'totp';
  mfaEnrolledAt?: string;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

function toProfile(i: Record<string, unknown>): StaffProfile {
  return { ...recordOf<StaffProfile>(i), roles: (i.roles as Role[]) ?? [] };
}

/** The staff directory by name (one Query of gsi2 USER); a team's staff fits in one page. */
export async function listStaff(limit = 200): Promise<StaffProfile[]> {
  const page = await queryPage<Record<string, unknown>>(staffDirectorySource, { limit, forward: true });
  return page.items.map(toProfile);
}

/** One profile by id (GetItem of keys.user), strongly consistent: writes check its version. */
export async function getStaffProfile(userId: string): Promise<StaffProfile | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.user(userId), ConsistentRead: true }),
  );
  return Item ? toProfile(Item) : undefined;
}

/** The user id an e-mail belongs to (GetItem of its guard). */
export async function staffIdByEmail(email: string): Promise<string | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.userEmailGuard(email) }));
  return typeof Item?.userId === 'string' ? Item.userId : undefined;
}

function profileItem(profile: StaffProfile): Record<string, unknown> {
  return { ...keys.user(profile.id), type: 'User', ...profile, ...userIndexKeys(profile) };
}

/** A seeded profile (local runtime): written once, so changes an admin makes survive a restart. */
export async function seedStaffProfile(profile: StaffProfile): Promise<void> {
  await transactWrite(
    [
      {
        Put: {
          TableName: tableName(),
          Item: profileItem(profile),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.userEmailGuard(profile.email), type: 'UserEmail', userId: profile.id },
        },
      },
    ],
    () => new AppError('conflict', 'user.exists', 'Already seeded'),
  ).catch((error: unknown) => {
    if (!(error instanceof AppError && error.code === 'user.exists')) throw error;
  });
}

/** A new (invited) user: the profile, its unique e-mail guard, the audit record (and `extra`). */
export async function createStaffProfile(
  profile: StaffProfile,
  audit: AuditRecord,
  /** More items of the same transaction: the admin count when an admin is invited, the key's answer. */
  extra: TransactItem[] = [],
): Promise<void> {
  const items: TransactItem[] = [
    { Put: { TableName: tableName(), Item: profileItem(profile), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: tableName(),
        Item: { ...keys.userEmailGuard(profile.email), type: 'UserEmail', userId: profile.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    putAudit(audit),
  ];
  items.push(...extra);
  await transactWrite(items, (failed) =>
    failed.some((f) => f.index === 1)
      ? new AppError('conflict', 'user.email_taken', 'A staff user with this e-mail already exists', {
          email: 'Already a staff user',
        })
      : new AppError('conflict', 'request.idempotency_in_progress', 'This request is already being processed'),
  );
}

/**
 * Changes what this module owns of a profile (role and status), if nobody changed the profile since
 * `before` was read (version check), with its audit record. An update, not a put: teams and the
 * last sign-in, written elsewhere, are left as they are.
 */
export async function updateStaffAccess(
  before: StaffProfile,
  change: { roles: Role[]; status: UserStatus; version: number; updatedAt: string },
  audit: AuditRecord,
  /** More items of the same transaction (the admin count when an admin joins). */
  extra: TransactItem[] = [],
): Promise<void> {
  const versioned = before.version !== undefined;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: keys.user(before.id),
        UpdateExpression: 'SET #roles = :roles, #status = :status, #version = :next, updatedAt = :at',
        ConditionExpression: versioned
          ? '#version = :version'
          : 'attribute_exists(pk) AND attribute_not_exists(#version)',
        ExpressionAttributeNames: { '#roles': 'roles', '#status': 'status', '#version': 'version' },
        ExpressionAttributeValues: {
          ':roles': change.roles,
          ':status': change.status,
          ':next': change.version,
          ':at': change.updatedAt,
          ...(versioned ? { ':version': before.version } : {}),
        },
      },
    },
    putAudit(audit),
    ...extra,
  ];
  await transactWrite(items, () => staleVersion('user'));
}

/** Records that the user put TOTP in force, if nobody changed the profile since `before` was read. */
export async function recordMfaEnrolment(
  before: StaffProfile,
  change: { version: number; at: string },
  audit: AuditRecord,
): Promise<void> {
  const versioned = before.version !== undefined;
  await transactWrite(
    [
      {
        Update: {
          TableName: tableName(),
          Key: keys.user(before.id),
          UpdateExpression: 'SET mfa = :totp, mfaEnrolledAt = :at, #version = :next, updatedAt = :at',
          ConditionExpression: versioned
            ? '#version = :version'
            : 'attribute_exists(pk) AND attribute_not_exists(#version)',
          ExpressionAttributeNames: { '#version': 'version' },
          ExpressionAttributeValues: {
            ':totp': 'totp',
            ':at': change.at,
            ':next': change.version,
            ...(versioned ? { ':version': before.version } : {}),
          },
        },
      },
      putAudit(audit),
    ],
    () => staleVersion('user'),
  );
}

/**
 * Records when the user signed in (UpdateItem of keys.user, `lastSignInAt`), conditionally: the
 * profile must exist (no stray item for an account without a profile) and the time only moves
 * forward, so a retried, late or out-of-order record never puts it back and a repeat changes
 * nothing. The one implementation of the post-authentication trigger's write, in AWS (Cognito
 * trigger) and locally (the local provider's sign-in). Answers whether the time was recorded.
 */
export async function recordSignIn(userId: string, at: Date): Promise<boolean> {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.user(userId),
        UpdateExpression: 'SET lastSignInAt = :at',
        ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(lastSignInAt) OR lastSignInAt < :at)',
        ExpressionAttributeValues: { ':at': at.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/**
 * The admin count guard (keys.adminCount): how many admins are not disabled. Two admins demoting
 * each other at once both read "two admins"; the guard's conditional decrement lets only one of
 * them through. Written on first need from the staff directory (conditional put, so a racing
 * first write keeps the value already there).
 */
export async function ensureAdminCount(): Promise<void> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.adminCount(), ConsistentRead: true }),
  );
  if (Item) return;
  const count = (await listStaff()).filter((p) => p.roles.includes('admin') && p.status !== 'disabled').length;
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.adminCount(), type: 'AdminCount', count },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
  }
}

export const lastAdmin = (field: 'role' | 'status') =>
  new AppError('conflict', 'user.last_admin', 'This is the last active admin; make someone else admin first', {
    [field]: 'The last active admin must stay an active admin',
  });

/**
 * Takes one admin off the count, on condition that another stays: a reservation made before the
 * identity provider is changed, and given back (`releaseAdmin`) if the change does not complete.
 */
export async function reserveAdminRemoval(field: 'role' | 'status'): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db().send(
        new UpdateCommand({
          TableName: tableName(),
          Key: keys.adminCount(),
          UpdateExpression: 'SET #count = #count - :one',
          ConditionExpression: '#count > :one',
          ExpressionAttributeNames: { '#count': 'count' },
          ExpressionAttributeValues: { ':one': 1 },
        }),
      );
      return;
    } catch (error) {
      if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    }
    // Refused: the last admin, or no count yet (first use on this table): write it once and retry.
    const { Item } = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.adminCount(), ConsistentRead: true }),
    );
    if (Item || attempt > 0) throw lastAdmin(field);
    await ensureAdminCount();
  }
}

/** Puts one admin back on the count (a removal that did not complete). */
export async function releaseAdmin(): Promise<void> {
  await db().send(new UpdateCommand(adminCountChange(1).Update!));
}

/** One more (or fewer) admin on the count, as an item of the transaction that makes the change. */
export function adminCountChange(delta: 1 | -1): TransactItem & { Update: NonNullable<TransactItem['Update']> } {
  return {
    Update: {
      TableName: tableName(),
      Key: keys.adminCount(),
      UpdateExpression: 'SET #count = #count + :delta',
      ConditionExpression: 'attribute_exists(#count)',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':delta': delta },
    },
  };
}
