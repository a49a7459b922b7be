import { ROLES } from '../../auth/roles.js';
import { text, version } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Staff users as the Users page administers them. The profile item (keys.user) is the list; the
 * identity provider (Cognito, or the local provider) holds the sign-in. Teams are managed with
 * teams; this module owns the role, the status and the invitation.
 */

export const USER_STATUSES = ['active', 'invited', 'disabled'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const role = z.enum(ROLES);

const email = z.pipe(
  z.email('Must be an e-mail address').check(z.maxLength(254)),
  z.transform((e: string) => e.toLowerCase()),
);

/** Body of POST /api/users: invite someone with one role. */
export const userInvite = z.strictObject({ email, name: text(200, 1), role });
export type UserInvite = z.infer<typeof userInvite>;

/** Body of PATCH /api/users/{id}: a new role, and/or turning the account off or on again. */
export const userPatch = z.strictObject({
  role: z.optional(role),
  status: z.optional(z.enum(['active', 'disabled'])),
  version,
});
export type UserPatch = z.infer<typeof userPatch>;

/** A staff user as GET /api/users lists it. */
export const userSummary = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.optional(role),
  roles: z.array(role),
  teamIds: z.array(z.string()),
  status: z.enum(USER_STATUSES),
  lastSignInAt: z.optional(z.string()),
  /** `totp` once the user set up an authenticator app. */
  mfa: z.optional(z.literal('totp')),
  version: z.number(),
});
export type UserSummary = z.infer<typeof userSummary>;

/** Body of POST /api/me/mfa/totp/verify: the current code of the authenticator app. */
export const totpVerify = z.strictObject({
  code: z.string().check(z.regex(/^\d{6}$/, 'Enter the 6-digit code of your authenticator app')),
});
export type TotpVerify = z.infer<typeof totpVerify>;

/** Answer of GET /api/me/mfa. */
export interface MfaStatus {
  /** The user's roles require MFA (admin, sysadmin). */
  required: boolean;
  enrolled: boolean;
  enrolledAt?: string;
  /** This session's token is marked: nothing but enrolment works until a new token is issued. */
  enrolmentPending: boolean;
}

/** Answer of POST /api/me/mfa/totp: what an authenticator app needs (as a QR code or typed in). */
export interface TotpSetup {
  secret: string;
  otpauthUri: string;
}
