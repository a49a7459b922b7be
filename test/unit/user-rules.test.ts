import { describe, expect, it } from 'vitest';
import { checkAccessChange, toUserSummary } from '../../shared/app/users/user-commands.js';
import type { Principal } from '../../shared/auth/principal.js';
import type { StaffProfile } from '../../shared/db/users.repository.js';
import type { AppError } from '../../shared/domain/common/errors.js';
import { statusOf } from '../../shared/http/error-status.js';

function aProfile(overrides: Partial<StaffProfile> = {}): StaffProfile {
  return {
    id: 'u-2',
    name: 'Bo Admin',
    email: 'bo@cirrus.local',
    roles: ['admin'],
    status: 'active',
    version: 3,
    ...overrides,
  };
}
const ME: Principal = { userId: 'u-1', name: 'Avery', roles: ['admin'], teamIds: [] };

function refusal(run: () => void): AppError | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as AppError;
  }
}

describe('the rules of a role or status change', () => {
  it('refuses disabling yourself with 400 naming status', () => {
    const error = refusal(() => checkAccessChange(ME, aProfile({ id: ME.userId }), { status: 'disabled' }, 3));
    expect(error && statusOf(error.kind)).toBe(400);
    expect(error?.fields).toHaveProperty('status');
  });

  it('refuses demoting the last active admin with 409 naming role', () => {
    const error = refusal(() => checkAccessChange(ME, aProfile(), { role: 'sales' }, 1));
    expect(error).toMatchObject({ code: 'user.last_admin', fields: { role: expect.any(String) } });
    expect(error && statusOf(error.kind)).toBe(409);
  });

  it('refuses disabling the last active admin with 409 naming status', () => {
    const error = refusal(() => checkAccessChange(ME, aProfile(), { status: 'disabled' }, 1));
    expect(error).toMatchObject({ code: 'user.last_admin', fields: { status: expect.any(String) } });
  });

  it('allows demoting an admin while another active admin remains', () => {
    expect(refusal(() => checkAccessChange(ME, aProfile(), { role: 'sales' }, 2))).toBeUndefined();
  });

  it('does not count a disabled admin as the one to keep', () => {
    expect(
      refusal(() => checkAccessChange(ME, aProfile({ status: 'disabled' }), { role: 'sales' }, 1)),
    ).toBeUndefined();
  });

  it('lets anyone who is not an admin change freely', () => {
    expect(
      refusal(() => checkAccessChange(ME, aProfile({ roles: ['sales'] }), { status: 'disabled' }, 1)),
    ).toBeUndefined();
  });
});

describe('a user as the API lists it', () => {
  it('reads a profile written before user administration as active, without teams, version 0', () => {
    const { status, version, ...rest } = aProfile();
    expect(toUserSummary(rest)).toMatchObject({ status: 'active', teamIds: [], version: 0, role: 'admin' });
  });
});
