import { idempotencyRequest } from '../../shared/db/idempotency.js';
import { id } from '../../shared/domain/common/fields.js';
import * as z from '../../shared/domain/common/zod.js';
import { userInvite, userPatch } from '../../shared/domain/users/user.schema.js';
import { defineRoute, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';
import { userDirectory } from '../../shared/identity/select.js';
import { inviteUser, listUsers, updateUser } from './user-commands.js';

const userParams = z.strictObject({ id });

/** Lambda entry of user administration: the staff list, invitations, roles, disable/enable. */
export const handler = createHandler('users', {
  'GET /api/users': defineRoute({
    handle: async () => ok(await listUsers()),
  }),
  'POST /api/users': defineRoute({
    body: userInvite,
    handle: async ({ body, principal, headers }) => {
      const idem = idempotencyRequest(principal.userId, headers['idempotency-key'], body);
      const out = await inviteUser(body, principal, idem, userDirectory());
      return { status: out.status, body: out.body };
    },
  }),
  'PATCH /api/users/{id}': defineRoute({
    params: userParams,
    body: userPatch,
    handle: async ({ params, body, principal }) => ok(await updateUser(params.id, body, principal, userDirectory())),
  }),
});
