import { PERMISSION_MATRIX, PERMISSIONS, type Permission } from './permissions.js';
import { ROLES, type Role } from './roles.js';

/**
 * The permission matrix as the Markdown table in the README (a unit test keeps the two equal;
 * `npm run docs:permissions` prints it). Permissions whose rows are identical share a line.
 * A manager's and a sales rep's grants on customer and sales records are narrowed by record
 * scope (shared/auth/principal.ts), so their cells say which records: their team's or their own.
 */

/** Permissions over records that the record scope narrows for managers (team) and sales (own). */
const SCOPED = /^(contacts|companies|deals|quotes|contracts|forecast|records):/;

function cell(role: Role, permission: Permission): string {
  if (!PERMISSION_MATRIX[role].has(permission)) return '';
  if (!SCOPED.test(permission)) return '✓';
  if (role === 'manager') return '✓ (team)';
  if (role === 'sales') return '✓ (own)';
  return '✓';
}

export function permissionTable(): string {
  const rows = new Map<string, Permission[]>();
  for (const permission of PERMISSIONS) {
    const cells = ROLES.map((role) => cell(role, permission)).join(' | ');
    rows.set(cells, [...(rows.get(cells) ?? []), permission]);
  }
  const lines = [`| permission | ${ROLES.join(' | ')} |`, `|---|${ROLES.map(() => '---').join('|')}|`];
  for (const [cells, permissions] of rows) lines.push(`| ${permissions.join(', ')} | ${cells} |`);
  return lines.join('\n');
}
