import type { Principal } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { getStaffProfile, recordMfaEnrolment } from '../../db/users.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { AppError } from '../../domain/common/errors.js';
import type { MfaStatus, TotpSetup } from '../../domain/users/user.schema.js';
import { mustUseMfa, otpauthUri } from '../../identity/mfa.js';
import type { UserDirectory } from '../../identity/user-directory.js';
import { userNotFound } from '../../identity/user-directory.js';

/**
 * The caller's own TOTP enrolment (Account security page). The directory holds the secret and
 * checks codes (Cognito in AWS, the local store locally); the profile records that TOTP is in
 * force, with an audit record, so the Users page shows who has MFA.
 */

async function ownProfile(principal: Principal) {
  const profile = await getStaffProfile(principal.userId);
  if (!profile) throw userNotFound();
  return profile;
}

export async function mfaStatus(principal: Principal): Promise<MfaStatus> {
  const profile = await ownProfile(principal);
  return {
    required: mustUseMfa(profile.roles),
    enrolled: profile.mfa === 'totp',
    ...(profile.mfaEnrolledAt ? { enrolledAt: profile.mfaEnrolledAt } : {}),
    enrolmentPending: principal.mfaEnrolment === true,
  };
}

export async function beginTotpEnrolment(
  principal: Principal,
  accessToken: string | undefined,
  directory: UserDirectory,
): Promise<TotpSetup> {
  const profile = await ownProfile(principal);
  const { secret } = await directory.beginTotp(profile.id, accessToken);
  return { secret, otpauthUri: otpauthUri(secret, profile.email) };
}

export async function verifyTotpEnrolment(
  principal: Principal,
  code: string,
  accessToken: string | undefined,
  directory: UserDirectory,
  clock: Clock = systemClock,
): Promise<MfaStatus> {
  await directory.verifyTotp(principal.userId, code, accessToken);
  // TOTP is in force now; record it on the profile. A role change racing this write bumps the
  // version: read again and retry (the directory's part is done and must not be repeated).
  for (let attempt = 0; ; attempt++) {
    const before = await ownProfile(principal);
    const at = clock.now().toISOString();
    const audit = auditRecord({
      kind: 'user',
      entityId: before.id,
      entityName: before.name,
      action: 'updated',
      actor: principal,
      changes: [{ field: 'mfa', before: before.mfa ?? null, after: 'totp' }],
      at,
    });
    try {
      await recordMfaEnrolment(before, { version: (before.version ?? 0) + 1, at }, audit);
      return {
        required: mustUseMfa(before.roles),
        enrolled: true,
        enrolledAt: at,
        enrolmentPending: principal.mfaEnrolment === true,
      };
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'conflict') || attempt >= 2) throw error;
    }
  }
}
