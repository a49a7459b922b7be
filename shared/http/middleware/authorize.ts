import { rolesAllow } from '../../auth/permissions.js';
import { type Principal, principalFromClaims } from '../../auth/principal.js';
import { forbidden, unauthorized } from '../../domain/common/errors.js';
import { MFA_ENROLMENT_ROUTES, mfaEnrolmentRequired } from '../../identity/mfa.js';
import { routeKey } from '../route-decl.js';
import type { CrmMiddleware } from './types.js';

const ANONYMOUS: Principal = { userId: 'anonymous', name: 'anonymous', roles: [], teamIds: [] };

/**
 * Resolves the principal from the JWT claims that the authorizer verified (API Gateway in AWS,
 * the local gateway on a laptop) and checks the route's declared permission: no claims → 401,
 * a role without the permission → 403. Public routes run as the anonymous principal. A principal
 * whose token is marked for MFA enrolment reaches only the enrolment routes (403
 * `mfa.enrolment_required` elsewhere).
 */
export function authorize(): CrmMiddleware {
  return {
    before: (request) => {
      const decl = request.context.crm.route!.decl;
      if (decl.audience === 'public') {
        request.context.crm.principal = ANONYMOUS;
        return;
      }
      const claims = request.event.requestContext?.authorizer?.jwt?.claims;
      const principal = claims ? principalFromClaims(claims) : undefined;
      if (!principal) throw unauthorized();
      request.context.crm.principal = principal;
      if (principal.mfaEnrolment && !MFA_ENROLMENT_ROUTES.has(routeKey(decl))) throw mfaEnrolmentRequired();
      if (!decl.permission || !rolesAllow(principal.roles, decl.permission)) throw forbidden();
    },
  };
}
