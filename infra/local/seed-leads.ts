import { DEFAULT_RULES } from '../../shared/domain/leads/lead.schema.js';
import { type SeedToken, seedApi } from './seed-api.js';
import { STAFF_USERS } from './staff-users.js';

/**
 * Demo data of the leads context, on a first start (after the customers are seeded): lead rules
 * for the seeded teams, some leads in each pool (公海) and a few dealt by the rules. Written
 * through the API as the admin, so the rules and leads have audit trails like real ones.
 */
const idOf = (email: string) => STAFF_USERS.find((u) => u.email === email)!.id;

const POOL_LEADS: { name: string; teamId?: string; title?: string; source: string; country?: string }[] = [
  { name: '王芳 Wang Fang', teamId: 'team-east', title: '采购经理', source: 'trade show', country: 'CN' },
  { name: 'Lucas Martin', teamId: 'team-east', title: 'Head of Operations', source: 'web', country: 'FR' },
  { name: '陈磊 Chen Lei', teamId: 'team-east', title: 'CTO', source: 'referral', country: 'CN' },
  { name: 'Priya Nair', teamId: 'team-west', title: 'IT Director', source: 'web', country: 'IN' },
  { name: 'Ethan Brooks', teamId: 'team-west', title: 'Founder', source: 'webinar', country: 'US' },
  { name: 'Sofia Rossi', title: 'Buyer', source: 'import', country: 'IT' },
];

const RULED_LEADS: { name: string; teamId: string; source: string; country: string }[] = [
  { name: '刘洋 Liu Yang', teamId: 'team-east', source: 'web', country: 'CN' },
  { name: 'Hannah Fischer', teamId: 'team-east', source: 'web', country: 'DE' },
  { name: 'Mateo García', teamId: 'team-west', source: 'web', country: 'ES' },
];

export async function seedLeads(baseUrl: string, token: SeedToken): Promise<void> {
  const call = seedApi(baseUrl, token, 'leads');
  const send = (method: 'POST' | 'PUT', path: string, body: unknown, expected: number) =>
    call('admin@cirrus.local', method, path, body, expected);
  await send('PUT', '/api/lead-rules/team-east', { ...DEFAULT_RULES, version: undefined }, 200);
  await send(
    'PUT',
    '/api/lead-rules/team-west',
    {
      ...DEFAULT_RULES,
      version: undefined,
      strategy: 'region',
      mappings: [{ match: 'US', userId: idOf('sales2@cirrus.local') }],
      returnAfterDays: 30,
      claimLimit: 10,
    },
    200,
  );
  for (const lead of POOL_LEADS) {
    const { country, ...rest } = lead;
    await send('POST', '/api/leads', { ...rest, ...(country ? { address: { country } } : {}), assign: 'pool' }, 201);
  }
  for (const lead of RULED_LEADS) {
    const { country, ...rest } = lead;
    await send('POST', '/api/leads', { ...rest, address: { country }, assign: 'rules' }, 201);
  }
}
