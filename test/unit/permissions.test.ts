import { describe, expect, it } from 'vitest';
import { PERMISSION_MATRIX, PERMISSIONS, type Permission, rolesAllow } from '../../shared/auth/permissions.js';
import { isRole, ROLES, type Role } from '../../shared/auth/roles.js';

const READ: Permission[] = ['contacts:read', 'companies:read', 'customFields:read', 'staff:read'];
const WRITE: Permission[] = [...READ, 'contacts:write', 'contacts:delete', 'companies:write', 'companies:delete'];

const STAFF: Permission[] = ['notifications:read', 'dashboard:read'];
const WORK: Permission[] = ['tasks:read', 'tasks:write', 'activities:read', 'activities:write'];
const READ_SALES: Permission[] = [
  'pipelines:read',
  'deals:read',
  'products:read',
  'quotes:read',
  'forecast:read',
  'contracts:read',
];
const SELL: Permission[] = [
  ...READ_SALES,
  'deals:write',
  'deals:delete',
  'leads:claim',
  'quotes:write',
  'contracts:write',
];

/** The matrix as the product owner wrote it down: role → exactly these permissions. */
const EXPECTED: Record<Role, Permission[]> = {
  admin: [...PERMISSIONS],
  sysadmin: [...READ, ...STAFF, 'audit:read', 'users:read', 'users:manage', 'teams:manage'],
  manager: [
    ...WRITE,
    ...STAFF,
    ...WORK,
    ...SELL,
    'records:reassign',
    'quotas:manage',
    'leadPool:manage',
    'salesDashboard:read',
    'serviceSettings:read',
  ],
  sales: [...WRITE, ...STAFF, ...WORK, ...SELL],
  support: [...READ, ...STAFF, ...WORK, 'serviceSettings:read'],
  marketing: [...READ, ...STAFF, ...WORK],
  finance: [...READ, ...STAFF, ...WORK, ...READ_SALES, 'payments:manage'],
};

const cells = ROLES.flatMap((role) =>
  PERMISSIONS.map((permission) => ({ role, permission, allowed: EXPECTED[role].includes(permission) })),
);

describe('the permission matrix', () => {
  it('has a row for every role and nothing else', () => {
    expect(Object.keys(PERMISSION_MATRIX).sort()).toEqual([...ROLES].sort());
  });

  it.each(cells)('$role may $permission: $allowed', ({ role, permission, allowed }) => {
    expect(rolesAllow([role], permission)).toBe(allowed);
  });

  it('gives admin every permission there is', () => {
    expect([...PERMISSION_MATRIX.admin].sort()).toEqual([...PERMISSIONS].sort());
  });

  it.each(['sysadmin', 'support', 'marketing', 'finance'] as const)(
    'lets %s read customers but change none of them',
    (role) => {
      const allowed = PERMISSIONS.filter((p) => rolesAllow([role], p));
      expect(allowed).toEqual(expect.arrayContaining(READ));
      const customerChanges = /^(contacts|companies|customFields):(write|delete|manage)$|^records:/;
      expect(allowed.some((p) => customerChanges.test(p))).toBe(false);
    },
  );

  it.each(['sales', 'manager'] as const)('lets %s write and delete contacts and companies', (role) => {
    for (const p of ['contacts:write', 'contacts:delete', 'companies:write', 'companies:delete'] as const) {
      expect(rolesAllow([role], p)).toBe(true);
    }
  });

  it('keeps deal changes to admins, managers and sales; finance only reads them', () => {
    expect(ROLES.filter((role) => rolesAllow([role], 'deals:write'))).toEqual(['admin', 'manager', 'sales']);
    expect(ROLES.filter((role) => rolesAllow([role], 'deals:read'))).toEqual(['admin', 'manager', 'sales', 'finance']);
    expect(ROLES.filter((role) => rolesAllow([role], 'payments:manage'))).toEqual(['admin', 'finance']);
  });

  it('keeps the audit log to admins and sysadmins', () => {
    const readers = ROLES.filter((role) => rolesAllow([role], 'audit:read'));
    expect(readers).toEqual(['admin', 'sysadmin']);
  });

  it('keeps custom-field management to admins', () => {
    const managers = ROLES.filter((role) => rolesAllow([role], 'customFields:manage'));
    expect(managers).toEqual(['admin']);
  });
});

describe('rolesAllow', () => {
  it('allows when any one of several roles allows', () => {
    expect(rolesAllow(['support', 'sales'], 'contacts:write')).toBe(true);
  });

  it('denies when none of the roles allows', () => {
    expect(rolesAllow(['support', 'finance'], 'contacts:write')).toBe(false);
  });

  it('denies everything to a user without roles', () => {
    expect(PERMISSIONS.filter((p) => rolesAllow([], p))).toEqual([]);
  });
});

describe('isRole', () => {
  it.each([...ROLES])('recognises %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each(['Admin', 'ADMIN', 'root', '', ' sales', 'sales '])('rejects %j', (value) => {
    expect(isRole(value)).toBe(false);
  });
});
