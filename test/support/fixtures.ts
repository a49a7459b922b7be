import { randomUUID } from 'node:crypto';

/** Fixture builders: a valid body with unique e-mail/domain, overridable per test. */
export function aContact(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomUUID().slice(0, 8);
  return {
    name: `Ann Lee ${n}`,
    email: `ann.${n}@example.com`,
    phone: '+1 415 555 2671',
    tags: ['vip'],
    lifecycleStage: 'lead',
    tier: 'gold',
    address: { country: 'US', city: 'San Francisco' },
    ...overrides,
  };
}

export function aCompany(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const n = randomUUID().slice(0, 8);
  return { name: `Northwind ${n}`, domain: `northwind-${n}.com`, industry: 'Retail', tier: 'silver', ...overrides };
}
