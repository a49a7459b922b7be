import { randomUUID } from 'node:crypto';
import type { Role } from '../auth/roles.js';
import { config } from '../config.js';
import { getStaffProfile, staffIdByEmail } from '../db/users.repository.js';
import { sendEmail } from '../email/mailer.js';
import { INVITATION_EMAIL, renderEmail } from '../email/templates.js';
import { beginLocalTotp, createInvitation, INVITATION_DAYS, verifyLocalTotp } from './local-user-store.js';
import { type UserDirectory, userExists, userNotFound } from './user-directory.js';

/**
 * The directory served by the local provider's store (see local-user-store.ts). The profile is the
 * local account: the provider reads its roles and status at every sign-in and token, so a role
 * change or a disable that the users context writes to the profile takes effect there. What is
 * left for this adapter is what Cognito does beyond the profile: refuse a taken e-mail or an
 * unknown user, and send the invitation (through SES, like Cognito's own e-mail in AWS).
 */
export class LocalUserDirectory implements UserDirectory {
  constructor(private readonly now: () => Date = () => new Date()) {}

  async invite(email: string, name: string, role: Role): Promise<string> {
    if (await staffIdByEmail(email)) throw userExists();
    const userId = randomUUID();
    const token = await createInvitation(userId, email, this.now());
    const link = `${config().APP_URL}/oidc/set-password?token=${encodeURIComponent(token)}`;
    const mail = await renderEmail(INVITATION_EMAIL, {
      name,
      role,
      link,
      days: INVITATION_DAYS,
    });
    await sendEmail({ to: email, ...mail });
    return userId;
  }

  async setRole(userId: string): Promise<void> {
    await this.exists(userId);
  }

  async disable(userId: string): Promise<void> {
    await this.exists(userId);
  }

  async enable(userId: string): Promise<void> {
    await this.exists(userId);
  }

  /** Locally the store acts for the user id: the gateway has already verified who is calling. */
  async beginTotp(userId: string): Promise<{ secret: string }> {
    return beginLocalTotp(userId);
  }

  async verifyTotp(userId: string, code: string): Promise<void> {
    await verifyLocalTotp(userId, code, this.now());
  }

  private async exists(userId: string): Promise<void> {
    if (!(await getStaffProfile(userId))) throw userNotFound();
  }
}
