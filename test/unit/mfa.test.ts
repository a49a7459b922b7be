import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { routeKey } from '../../infra/manifest.types.js';
import { principalFromClaims } from '../../shared/auth/principal.js';
import { ROLES } from '../../shared/auth/roles.js';
import { MFA_ENROLMENT_ROUTES, markedForEnrolment, mustUseMfa } from '../../shared/identity/mfa.js';

describe('MFA rules', () => {
  it('requires MFA of admins and sysadmins only', () => {
    expect(ROLES.filter((r) => mustUseMfa([r]))).toEqual(['admin', 'sysadmin']);
    expect(mustUseMfa(['sales', 'sysadmin'])).toBe(true);
    expect(mustUseMfa([])).toBe(false);
  });

  it('reads the enrolment mark as API Gateway and the local gateway hand it over', () => {
    expect(markedForEnrolment({ 'custom:mfa_enrol': 'true' })).toBe(true);
    expect(markedForEnrolment({ 'custom:mfa_enrol': true })).toBe(true);
    expect(markedForEnrolment({ 'custom:mfa_enrol': 'false' })).toBe(false);
    expect(markedForEnrolment({})).toBe(false);
    const marked = principalFromClaims({ sub: 'u1', 'cognito:groups': '[admin]', 'custom:mfa_enrol': 'true' });
    expect(marked?.mfaEnrolment).toBe(true);
    expect(principalFromClaims({ sub: 'u1', 'custom:mfa_enrol': 'no' })?.mfaEnrolment).toBeUndefined();
  });

  it('opens to a marked token only staff routes that exist, every staff member may call, and that act on oneself', () => {
    const routes = new Map(manifest.routes.map((r) => [routeKey(r), r]));
    for (const key of MFA_ENROLMENT_ROUTES) {
      const route = routes.get(key);
      expect(route, key).toBeDefined();
      expect([key, route!.audience, route!.permission]).toEqual([key, 'staff', 'staff:read']);
      expect(route!.path.startsWith('/api/me')).toBe(true);
    }
  });
});
