import { routesOf } from '../../infra/manifest.js';
import { beginTotpEnrolment, mfaStatus, verifyTotpEnrolment } from '../../shared/app/users/mfa-commands.js';
import { inviteUser, listUsers, updateUser } from '../../shared/app/users/user-commands.js';
import { usersApi } from '../../shared/http/contracts/users.contract.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';
import { userDirectory } from '../../shared/identity/select.js';

/** The caller's Cognito access token, for the calls Cognito makes on the user's own behalf (TOTP). */
const ACCESS_TOKEN_HEADER = 'x-access-token';

/** Lambda entry of user administration (staff list, invitations, roles, disable/enable) and of one's own MFA. */
export const handler = createHandler(
  routesOf('users'),
  {
    'GET /api/users': defineRoute({
      handle: async () => ok(await listUsers()),
    }),
    'POST /api/users': defineRoute({
      ...usersApi['POST /api/users'],
      handle: async ({ body, principal, idempotency }) => {
        const out = await inviteUser(body, principal, idempotency, userDirectory());
        return { status: out.status, body: out.body };
      },
    }),
    'PATCH /api/users/{id}': defineRoute({
      ...usersApi['PATCH /api/users/{id}'],
      handle: async ({ params, body, principal }) => ok(await updateUser(params.id, body, principal, userDirectory())),
    }),
    'GET /api/me/mfa': defineRoute({
      handle: async ({ principal }) => ok(await mfaStatus(principal)),
    }),
    'POST /api/me/mfa/totp': defineRoute({
      ...usersApi['POST /api/me/mfa/totp'],
      handle: async ({ principal, headers }) =>
        ok(await beginTotpEnrolment(principal, headers[ACCESS_TOKEN_HEADER], userDirectory())),
    }),
    'POST /api/me/mfa/totp/verify': defineRoute({
      ...usersApi['POST /api/me/mfa/totp/verify'],
      handle: async ({ principal, body, headers }) =>
        ok(await verifyTotpEnrolment(principal, body.code, headers[ACCESS_TOKEN_HEADER], userDirectory())),
    }),
  },
  usersApi,
);
