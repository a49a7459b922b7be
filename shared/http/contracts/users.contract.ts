import { id } from '../../domain/common/fields.js';
import * as z from '../../domain/common/zod.js';
import { totpVerify, userInvite, userPatch } from '../../domain/users/user.schema.js';
import { routeContract } from '../route.js';

const userParams = z.strictObject({ id });
const empty = z.strictObject({});

export const usersApi = {
  'GET /api/users': routeContract({}),
  'POST /api/users': routeContract({ body: userInvite, idempotent: true }),
  'PATCH /api/users/{id}': routeContract({ params: userParams, body: userPatch }),
  'GET /api/me/mfa': routeContract({}),
  'POST /api/me/mfa/totp': routeContract({ body: empty }),
  'POST /api/me/mfa/totp/verify': routeContract({ body: totpVerify }),
};
