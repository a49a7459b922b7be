import type { Principal } from '../../shared/auth/principal.js';
import type { Role } from '../../shared/auth/roles.js';
import type { ListQuery } from '../../shared/db/customer-records.repository.js';
import type { IndexedRecord } from '../../shared/db/keys.js';
import type { CompanyCreate } from '../../shared/domain/customers/company.schema.js';
import type { ContactCreate } from '../../shared/domain/customers/contact.schema.js';
import type { CustomFieldDef } from '../../shared/domain/customers/custom-field.schema.js';

/**
 * One fixture builder per entity: a valid default, and overrides for what a test is about.
 * Tests state only the fields they care about; everything else stays plausible and valid.
 */

export const SALES_REP_ID = 'user-sales-1';
export const OTHER_SALES_REP_ID = 'user-sales-2';
export const ADMIN_ID = 'user-admin';
export const MANAGER_ID = 'user-manager';

export function aPrincipal(overrides: Partial<Principal> = {}): Principal {
  return { userId: ADMIN_ID, name: 'Avery Chen', roles: ['admin'], teamIds: [], ...overrides };
}

export function aPrincipalWithRoles(...roles: Role[]): Principal {
  return aPrincipal({ userId: `user-${roles.join('-') || 'none'}`, roles });
}

export function aSalesRep(userId = SALES_REP_ID): Principal {
  return aPrincipal({ userId, name: 'Riley Zhang 张瑞', roles: ['sales'] });
}

export function anAdmin(): Principal {
  return aPrincipal({ userId: ADMIN_ID, roles: ['admin'] });
}

export const TEAM_EAST = 'team-east';
export const TEAM_WEST = 'team-west';

export function aManager(teamIds: string[] = [TEAM_EAST]): Principal {
  return aPrincipal({ userId: MANAGER_ID, name: 'Morgan Li', roles: ['manager'], teamIds });
}

/** The key-relevant part of a stored contact (what `liveIndexKeys` reads). */
export function anIndexedContact(overrides: Partial<IndexedRecord> = {}): IndexedRecord {
  return {
    id: 'c-001',
    name: 'Ann Lee',
    ownerId: SALES_REP_ID,
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-03-01T12:30:00.000Z',
    ...overrides,
  };
}

/** The key-relevant part of a stored company. */
export function anIndexedCompany(overrides: Partial<IndexedRecord> = {}): IndexedRecord {
  return {
    id: 'co-001',
    name: 'Northwind Traders',
    ownerId: SALES_REP_ID,
    createdAt: '2026-01-02T08:00:00.000Z',
    updatedAt: '2026-02-20T16:45:00.000Z',
    ...overrides,
  };
}

/** A stored contact as the domain rules see it (meta stamps, custom fields, version). */
export function aStoredContact(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> & { customFields: Record<string, unknown>; version: number } {
  return {
    id: 'c-001',
    name: 'Ann Lee',
    email: 'ann.lee@northwind.com',
    phone: '+14155552671',
    title: 'CTO',
    address: { country: 'US', region: 'CA', city: 'San Francisco' },
    tags: ['vip'],
    ownerId: SALES_REP_ID,
    marketingConsent: true,
    customFields: {},
    createdAt: '2026-01-05T09:00:00.000Z',
    updatedAt: '2026-03-01T12:30:00.000Z',
    version: 3,
    ...overrides,
  };
}

/** An admin-defined custom field definition. */
export function aCustomFieldDef(overrides: Partial<CustomFieldDef> = {}): CustomFieldDef {
  return {
    entity: 'contact',
    key: 'nickname',
    label: 'Nickname',
    type: 'text',
    required: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

/** Body of POST /api/contacts. */
export function aContactBody(overrides: Record<string, unknown> = {}): ContactCreate & Record<string, unknown> {
  return { name: 'Ann Lee', email: 'ann.lee@northwind.com', ...overrides } as ContactCreate & Record<string, unknown>;
}

/** Body of POST /api/companies. */
export function aCompanyBody(overrides: Record<string, unknown> = {}): CompanyCreate & Record<string, unknown> {
  return { name: 'Northwind Traders', domain: 'northwind.com', ...overrides } as CompanyCreate &
    Record<string, unknown>;
}

/** Body of POST /api/custom-fields. */
export function aCustomFieldBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { entity: 'contact', key: 'nickname', label: 'Nickname', type: 'text', ...overrides };
}

/** A parsed list query (GET /api/contacts or /api/companies) with the schema's defaults. */
export function aListQuery(overrides: Partial<ListQuery> = {}): ListQuery {
  return { sort: 'updated', view: 'active', limit: 50, ...overrides };
}
