import { PERMISSIONS, rolesAllow } from '../../shared/auth/permissions.js';
import { config } from '../../shared/config.js';
import { listStaff } from '../../shared/db/users.repository.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the platform context: health, the signed-in user, the staff directory. */
export const handler = createHandler('platform', {
  'GET /api/health': defineRoute({
    handle: async () => ok({ status: 'ok', version: config().APP_VERSION }),
  }),
  'GET /api/me': defineRoute({
    handle: async ({ principal }) =>
      ok({
        id: principal.userId,
        name: principal.name,
        roles: principal.roles,
        permissions: PERMISSIONS.filter((p) => rolesAllow(principal.roles, p)),
        // Only enrolment works until this is gone (an admin or sysadmin without TOTP): see shared/identity/mfa.ts.
        mfaEnrolmentRequired: principal.mfaEnrolment === true,
      }),
  }),
  'GET /api/staff': defineRoute({
    handle: async () => ok({ items: await listStaff() }),
  }),
});
