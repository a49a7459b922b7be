import { routesOf } from '../../infra/manifest.js';
import { beginTotpEnrolment, mfaStatus, verifyTotpEnrolment } from '../../shared/app/users/mfa-commands.js';
import { inviteUser, listUsers, updateUser } from '../../shared/app/users/user-commands.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { totpVerify, userInvite, userPatch } from '../../shared/domain/users/user.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';
import { userDirectory } from '../../shared/identity/select.js';

const userParams = z.strictObject({ id });
const empty = z.strictObject({});

/** The caller's Cognito access token, for the calls Cognito makes on the user's own behalf (TOTP). */
const ACCESS_TOKEN_HEADER = 'x-access-token';

/** Lambda entry of user administration (staff list, invitations, roles, disable/enable) and of one's own MFA. */
export const handler = createHandler(routesOf('users'), {
  'GET /api/users': defineRoute({
    handle: async () => ok(await listUsers()),
  }),
  'POST /api/users': defineRoute({
    body: userInvite,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => {
      const out = await inviteUser(body, principal, idempotency, userDirectory());
      return { status: out.status, body: out.body };
    },
  }),
  'PATCH /api/users/{id}': defineRoute({
    params: userParams,
    body: userPatch,
    handle: async ({ params, body, principal }) => ok(await updateUser(params.id, body, principal, userDirectory())),
  }),
  'GET /api/me/mfa': defineRoute({
    handle: async ({ principal }) => ok(await mfaStatus(principal)),
  }),
  'POST /api/me/mfa/totp': defineRoute({
    body: empty,
    handle: async ({ principal, headers }) =>
      ok(await beginTotpEnrolment(principal, headers[ACCESS_TOKEN_HEADER], userDirectory())),
  }),
  'POST /api/me/mfa/totp/verify': defineRoute({
    body: totpVerify,
    handle: async ({ principal, body, headers }) =>
      ok(await verifyTotpEnrolment(principal, body.code, headers[ACCESS_TOKEN_HEADER], userDirectory())),
  }),
});
