import type { Role } from '../../shared/auth/roles.js';

/**
 * The seeded staff sign-ins of the local runtime: one per role, two sales reps so that
 * ownership shows. Their ids are stable so demo data keeps its owners across restarts.
 */
export interface LocalUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
}

export const LOCAL_PASSWORD = 'cirrus-demo';

export const STAFF_USERS: readonly LocalUser[] = [
  { id: '6f1c2a10-0001-4000-8000-000000000001', email: 'admin@cirrus.local', name: 'Avery Chen', roles: ['admin'] },
  {
    id: '6f1c2a10-0002-4000-8000-000000000002',
    email: 'sysadmin@cirrus.local',
    name: 'Sam Patel',
    roles: ['sysadmin'],
  },
  { id: '6f1c2a10-0003-4000-8000-000000000003', email: 'manager@cirrus.local', name: 'Morgan Li', roles: ['manager'] },
  {
    id: '6f1c2a10-0004-4000-8000-000000000004',
    email: 'sales1@cirrus.local',
    name: 'Riley Zhang 张瑞',
    roles: ['sales'],
  },
  { id: '6f1c2a10-0005-4000-8000-000000000005', email: 'sales2@cirrus.local', name: 'Jordan Smith', roles: ['sales'] },
  { id: '6f1c2a10-0006-4000-8000-000000000006', email: 'support@cirrus.local', name: 'Casey Wang', roles: ['support'] },
  {
    id: '6f1c2a10-0007-4000-8000-000000000007',
    email: 'marketing@cirrus.local',
    name: 'Taylor Brown',
    roles: ['marketing'],
  },
  {
    id: '6f1c2a10-0008-4000-8000-000000000008',
    email: 'finance@cirrus.local',
    name: 'Jamie Liu 刘洁',
    roles: ['finance'],
  },
];

export function findLocalUser(email: string): LocalUser | undefined {
  return STAFF_USERS.find((u) => u.email === email.trim().toLowerCase());
}
