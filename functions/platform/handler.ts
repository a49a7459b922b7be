import { routesOf } from '../../infra/manifest.js';
import { PERMISSIONS, rolesAllow } from '../../shared/auth/permissions.js';
import { config } from '../../shared/config.js';
import { listStaff, type StaffProfile } from '../../shared/db/users.repository.js';
import { platformApi } from '../../shared/http/contracts/platform.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/**
 * An entry of the staff directory: who can own records, and whether they can sign in (`status`;
 * profiles older than user administration are active). Nothing of the account's security.
 */
const toStaffMember = (p: StaffProfile) => ({
  id: p.id,
  name: p.name,
  email: p.email,
  roles: p.roles,
  teamIds: p.teamIds ?? [],
  status: p.status ?? 'active',
});

/** Lambda entry of the platform context: health, the signed-in user, the staff directory. */
export const handler = createHandler(
  routesOf('platform'),
  {
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
      ...platformApi['GET /api/staff'],
      handle: async ({ query }) => {
        const items = (await listStaff()).map(toStaffMember);
        // Owner pickers ask for active users only; names of past owners still need everyone.
        return ok({ items: query.status ? items.filter((m) => m.status === query.status) : items });
      },
    }),
  },
  platformApi,
);
