import { createHash, randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { Secret, TOTP } from 'otpauth';
import { auditRecord, putAudit } from '../db/audit.js';
import { db, tableName } from '../db/client.js';
import { keys } from '../db/keys.js';
import { transactWrite } from '../db/kit.js';
import { getStaffProfile, type StaffProfile, staffIdByEmail } from '../db/users.repository.js';
import { AppError } from '../domain/common/errors.js';
import { TOTP_ISSUER, totpCodeInvalid, totpNotStarted } from './mfa.js';
import { userNotFound } from './user-directory.js';

/**
 * The local provider's user store, in the table: the staff profile (roles, status) is the account,
 * a credential item holds an scrypt hash of the password, and an invitation item holds the SHA-256
 * of a single-use set-password token (never the token). Cognito plays all three parts in AWS.
 *
 * TOTP (Cognito's software token MFA) lives on the credential item too: `totpPending` while an
 * enrolment waits for its first code, `totpSecret` once verified, and `totpStep`, the last 30-second
 * step a code was accepted for, so a code works once (Cognito refuses a reused code as well).
 */

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 };
export const INVITATION_DAYS = 3;

function derive(password: string, salt: Buffer): Promise<Buffer> {
  return new Promise((done, fail) =>
    scrypt(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (error, key) =>
      error ? fail(error) : done(key),
    ),
  );
}

/** `scrypt$<salt b64>$<hash b64>`: the parameters are fixed above. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  return `scrypt$${salt.toString('base64')}$${(await derive(password, salt)).toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

const TOTP_PERIOD_MS = 30_000;

const totpOf = (secret: string) =>
  new TOTP({ issuer: TOTP_ISSUER, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });

/** The 30-second step a code is valid for at `now` (one step of clock drift either way), or undefined. */
export function totpStepOf(secret: string, code: string, now: Date): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const delta = totpOf(secret).validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? undefined : Math.floor(now.getTime() / TOTP_PERIOD_MS) + delta;
}

/** The current code of a secret (tests and the local demo script compute codes like an app would). */
export const totpCode = (secret: string, now: Date = new Date()) =>
  totpOf(secret).generate({ timestamp: now.getTime() });

/** Starts (or restarts) enrolment: a new 160-bit secret, pending until a code of it is verified. */
export async function beginLocalTotp(userId: string): Promise<{ secret: string }> {
  const secret = new Secret({ size: 20 }).base32;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.localCredential(userId),
        UpdateExpression: 'SET totpPending = :secret',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':secret': secret },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw userNotFound();
    throw error;
  }
  return { secret };
}

/** Verifies a code of the pending secret and puts TOTP in force (the pending secret becomes the secret). */
export async function verifyLocalTotp(userId: string, code: string, now: Date): Promise<void> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.localCredential(userId), ConsistentRead: true }),
  );
  const pending = Item?.totpPending;
  if (typeof pending !== 'string') throw totpNotStarted();
  const step = totpStepOf(pending, code, now);
  if (step === undefined) throw totpCodeInvalid();
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.localCredential(userId),
        UpdateExpression: 'SET totpSecret = :secret, totpStep = :step REMOVE totpPending',
        // A second verification racing this one (or a newer set-up started meanwhile) loses.
        ConditionExpression: 'totpPending = :secret',
        ExpressionAttributeValues: { ':secret': pending, ':step': step },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw totpNotStarted();
    throw error;
  }
}

/** Whether the user has TOTP in force (the sign-in page then asks for a code). */
export async function localTotpEnabled(userId: string): Promise<boolean> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.localCredential(userId), ConsistentRead: true }),
  );
  return typeof Item?.totpSecret === 'string';
}

/**
 * A sign-in's second factor: the code must be valid now and newer than the last code accepted
 * (conditional write of the step), so a code seen over a shoulder cannot be used again.
 */
export async function checkLocalTotp(userId: string, code: string, now: Date): Promise<boolean> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.localCredential(userId), ConsistentRead: true }),
  );
  const secret = Item?.totpSecret;
  if (typeof secret !== 'string') return false;
  const step = totpStepOf(secret, code, now);
  if (step === undefined) return false;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.localCredential(userId),
        UpdateExpression: 'SET totpStep = :step',
        ConditionExpression: 'totpSecret = :secret AND (attribute_not_exists(totpStep) OR totpStep < :step)',
        ExpressionAttributeValues: { ':step': step, ':secret': secret },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
}

/** Writes a credential once (seeding): a password changed since is kept. */
export async function seedCredential(userId: string, password: string): Promise<void> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.localCredential(userId) }));
  if (Item) return;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.localCredential(userId), type: 'LocalCredential', hash: await hashPassword(password) },
    }),
  );
}

/** Whether a profile may sign in: not disabled (profiles older than user administration are active). */
export function canSignIn(profile: StaffProfile): boolean {
  return profile.status !== 'disabled';
}

/** The staff account with this e-mail and password, if it exists, has a password and is enabled. */
export async function authenticateStaff(email: string, password: string): Promise<StaffProfile | undefined> {
  const userId = await staffIdByEmail(email);
  if (!userId) return undefined;
  const [profile, credential] = await Promise.all([
    getStaffProfile(userId),
    db().send(new GetCommand({ TableName: tableName(), Key: keys.localCredential(userId) })),
  ]);
  const hash = credential.Item?.hash;
  if (!profile || typeof hash !== 'string' || !(await verifyPassword(password, hash))) return undefined;
  return canSignIn(profile) ? profile : undefined;
}

/** A new single-use invitation for a user; answers the token (only its hash is stored). */
export async function createInvitation(userId: string, email: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expires = now.getTime() + INVITATION_DAYS * 24 * 3600 * 1000;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.invitation(tokenHash(token)),
        type: 'Invitation',
        userId,
        email,
        expiresAtMs: expires,
        // TTL removes it eventually; the check below does not wait for TTL (which may lag by days).
        expiresAt: Math.ceil(expires / 1000),
      },
    }),
  );
  return token;
}

export const invitationInvalid = () =>
  new AppError('bad_request', 'invitation.invalid', 'This link has expired or was already used', {
    token: 'Expired or already used',
  });

/** The e-mail an unused, unexpired invitation is for (to show on the form). */
export async function invitationEmail(token: string, now: Date): Promise<string | undefined> {
  const { Item } = await db().send(
    new GetCommand({ TableName: tableName(), Key: keys.invitation(tokenHash(token)), ConsistentRead: true }),
  );
  if (!Item || Number(Item.expiresAtMs) <= now.getTime()) return undefined;
  return String(Item.email);
}

/**
 * Sets the password of an invited user and uses the invitation up, all or nothing: the invitation
 * is deleted on condition it still exists and has not expired, so a token works once.
 */
export async function acceptInvitation(token: string, password: string, now: Date): Promise<StaffProfile> {
  const key = keys.invitation(tokenHash(token));
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  if (!Item || Number(Item.expiresAtMs) <= now.getTime()) throw invitationInvalid();
  const profile = await getStaffProfile(String(Item.userId));
  if (!profile || !canSignIn(profile)) throw invitationInvalid();
  const at = now.toISOString();
  const activating = profile.status === 'invited';
  const version = (profile.version ?? 0) + 1;
  await transactWrite(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: key,
          ConditionExpression: 'attribute_exists(pk) AND expiresAtMs > :now',
          ExpressionAttributeValues: { ':now': now.getTime() },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: { ...keys.localCredential(profile.id), type: 'LocalCredential', hash: await hashPassword(password) },
        },
      },
      ...(activating
        ? [
            {
              Update: {
                TableName: tableName(),
                Key: keys.user(profile.id),
                UpdateExpression: 'SET #status = :active, #version = :next, updatedAt = :at',
                ConditionExpression: '#status = :invited',
                ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
                ExpressionAttributeValues: { ':active': 'active', ':invited': 'invited', ':next': version, ':at': at },
              },
            },
            putAudit(
              auditRecord({
                kind: 'user',
                entityId: profile.id,
                entityName: profile.name,
                action: 'updated',
                actor: { userId: profile.id, name: profile.name },
                changes: [{ field: 'status', before: 'invited', after: 'active' }],
                at,
              }),
            ),
          ]
        : []),
    ],
    () => invitationInvalid(),
  );
  return { ...profile, ...(activating ? { status: 'active' as const, version, updatedAt: at } : {}) };
}
