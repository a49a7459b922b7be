import type { Role } from './roles.js';

/**
 * Every action a route can require. A manifest route names exactly one of these (or `public`).
 * Names are `<resource>:<verb>` so the matrix below reads as a table.
 */
export const PERMISSIONS = [
  'contacts:read',
  'contacts:write',
  'contacts:delete',
  'companies:read',
  'companies:write',
  'companies:delete',
  'customFields:read',
  'customFields:manage',
  'staff:read',
  'audit:read',
  'teams:manage',
  'records:reassign',
  'users:read',
  'users:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_CUSTOMERS: Permission[] = ['contacts:read', 'companies:read', 'customFields:read', 'staff:read'];
const WRITE_CUSTOMERS: Permission[] = [
  ...READ_CUSTOMERS,
  'contacts:write',
  'contacts:delete',
  'companies:write',
  'companies:delete',
];

/**
 * The permission matrix: role → allowed actions. Record-level scope (which records of a kind a
 * role may see) is separate: see `scope.ts`.
 */
export const PERMISSION_MATRIX: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  // Sysadmins run the system (users, security, audit); they read customers but make no business edits.
  sysadmin: new Set([...READ_CUSTOMERS, 'audit:read', 'users:read', 'users:manage', 'teams:manage']),
  // Managers reassign within their teams (bulk reassignment is scoped to the manager's teams).
  manager: new Set([...WRITE_CUSTOMERS, 'records:reassign']),
  sales: new Set(WRITE_CUSTOMERS),
  support: new Set(READ_CUSTOMERS),
  marketing: new Set(READ_CUSTOMERS),
  finance: new Set(READ_CUSTOMERS),
};

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => PERMISSION_MATRIX[role].has(permission));
}
