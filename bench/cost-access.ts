import type { Runtime } from '../infra/local/runtime.js';
import { totpCode } from '../shared/identity/local-user-store.js';
import { apiClient, apiMeasurer, type Call, type RequestBudget } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of identity and access: the owner picker's directory (one Query), one's MFA status
 * (one GetItem), TOTP enrolment, and demoting an admin under the last-admin guard. Enrolment is
 * measured against the local provider's store, which plays Cognito: its credential reads and
 * writes stand for AssociateSoftwareToken / VerifySoftwareToken calls in AWS, and are named in
 * the budgets below.
 */
const ADMIN = 'admin@cirrus.local';
const SYSADMIN = 'sysadmin@cirrus.local';
const REP = 'sales1@cirrus.local';

export async function measureAccessCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, [ADMIN, SYSADMIN, REP]);
  const measured = apiMeasurer(runtime, send, operations);
  const measure = <T>(name: string, as: string, call: Omit<Call, 'as'>, budget?: RequestBudget) =>
    measured<T>(name, { ...call, as }, 200, budget);

  await measure('staff directory: active owners (picker)', REP, { method: 'GET', path: '/api/staff?status=active' });
  await measure('my MFA status', SYSADMIN, { method: 'GET', path: '/api/me/mfa' });
  const setup = await measure<{ secret: string }>('begin TOTP set-up', SYSADMIN, {
    method: 'POST',
    path: '/api/me/mfa/totp',
    body: {},
  });
  await measure(
    'verify TOTP code',
    SYSADMIN,
    { method: 'POST', path: '/api/me/mfa/totp/verify', body: { code: totpCode(setup.secret) } },
    {
      limit: 4,
      reason:
        'Two are the local store playing Cognito (read the pending secret, make it the secret; VerifySoftwareToken and SetUserMFAPreference in AWS); then the profile is read and written with its audit record.',
    },
  );

  // A second admin to demote: the guard's conditional decrement is one UpdateItem.
  const invited = await send<{ id: string; version: number }>({
    method: 'POST',
    path: '/api/users',
    as: ADMIN,
    body: { email: `bench.admin.${Date.now()}@cirrus.local`, name: 'Bench Admin', role: 'admin' },
  });
  await measure(
    'demote an admin (last-admin guard)',
    ADMIN,
    {
      method: 'PATCH',
      path: `/api/users/${invited.body.id}`,
      body: { role: 'support', version: invited.body.version },
    },
    {
      limit: 4,
      reason:
        'The profile (GetItem), the admin count guard decremented on condition another admin stays (UpdateItem, so two admins cannot demote each other at once), the local store playing Cognito checks the account (GetItem; AdminAddUserToGroup in AWS), then the profile with its audit record (one transaction).',
    },
  );
  return operations;
}
