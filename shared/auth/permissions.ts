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
  // Sales (deals, quotes, forecast, contracts, tasks, activities, notifications, dashboards).
  'pipelines:read',
  'pipelines:manage',
  'deals:read',
  'deals:write',
  'deals:delete',
  'leads:claim',
  'leadPool:manage',
  'products:read',
  'products:manage',
  'quotes:read',
  'quotes:write',
  'forecast:read',
  'quotas:manage',
  'contracts:read',
  'contracts:write',
  'payments:manage',
  'tasks:read',
  'tasks:write',
  'activities:read',
  'activities:write',
  'notifications:read',
  'dashboard:read',
  'salesDashboard:read',
  // Service desk settings (business calendars, SLA policies).
  'serviceSettings:read',
  'serviceSettings:manage',
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

/** What every staff member has: their own notifications, tasks and home page. */
const EVERY_STAFF: Permission[] = ['staff:read', 'notifications:read', 'dashboard:read'];
/** Working the customer base: tasks and logged activities on what one may read. */
const CUSTOMER_WORK: Permission[] = ['tasks:read', 'tasks:write', 'activities:read', 'activities:write'];
const READ_SALES: Permission[] = [
  'pipelines:read',
  'deals:read',
  'products:read',
  'quotes:read',
  'forecast:read',
  'contracts:read',
];
const WORK_SALES: Permission[] = [
  ...READ_SALES,
  'deals:write',
  'deals:delete',
  'leads:claim',
  'quotes:write',
  'contracts:write',
];

/**
 * The permission matrix: role → allowed actions. Record-level scope (which records of a kind a
 * role may see) is separate: see `scope.ts`.
 */
export const PERMISSION_MATRIX: Record<Role, ReadonlySet<Permission>> = {
  admin: new Set(PERMISSIONS),
  // Sysadmins run the system (users, security, audit); they read customers but make no business edits.
  sysadmin: new Set([...READ_CUSTOMERS, ...EVERY_STAFF, 'audit:read', 'users:read', 'users:manage', 'teams:manage']),
  // Managers reassign within their teams (bulk reassignment is scoped to the manager's teams),
  // set their teams' quotas and lead-pool rules, and read the sales dashboard.
  manager: new Set([
    ...WRITE_CUSTOMERS,
    ...EVERY_STAFF,
    ...CUSTOMER_WORK,
    ...WORK_SALES,
    'records:reassign',
    'quotas:manage',
    'leadPool:manage',
    'salesDashboard:read',
    'serviceSettings:read',
  ]),
  sales: new Set([...WRITE_CUSTOMERS, ...EVERY_STAFF, ...CUSTOMER_WORK, ...WORK_SALES]),
  support: new Set([...READ_CUSTOMERS, ...EVERY_STAFF, ...CUSTOMER_WORK, 'serviceSettings:read']),
  marketing: new Set([...READ_CUSTOMERS, ...EVERY_STAFF, ...CUSTOMER_WORK]),
  // Finance reads deals and contracts and records payments; it changes no deal.
  finance: new Set([...READ_CUSTOMERS, ...EVERY_STAFF, ...CUSTOMER_WORK, ...READ_SALES, 'payments:manage']),
};

export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => PERMISSION_MATRIX[role].has(permission));
}
