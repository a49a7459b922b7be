/**
 * Staff roles. Each is a Cognito group in the staff user pool (and a seeded user locally);
 * the access token carries them in `cognito:groups`.
 */
export const ROLES = ['admin', 'sysadmin', 'manager', 'sales', 'support', 'marketing', 'finance'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
