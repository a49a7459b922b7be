import { seedStaffProfile } from '../../shared/db/users.repository.js';
import { toE164 } from '../../shared/domain/common/phone.js';
import { seedCredential } from '../../shared/identity/local-user-store.js';
import { demoData } from './demo-data.js';
import { type SeedToken, seedApi } from './seed-api.js';
import { LOCAL_PASSWORD, STAFF_USERS } from './staff-users.js';

/**
 * Staff accounts of the seeded sign-ins (user administration creates them in AWS): profile, e-mail
 * guard and password, each written once, so what an admin changes later survives a restart.
 */
export async function seedStaff(): Promise<void> {
  const at = new Date().toISOString();
  await Promise.all(
    STAFF_USERS.map(async (u) => {
      await seedStaffProfile({
        id: u.id,
        name: u.name,
        email: u.email,
        roles: u.roles,
        status: 'active',
        version: 1,
        createdAt: at,
        updatedAt: at,
      });
      await seedCredential(u.id, LOCAL_PASSWORD);
    }),
  );
}

/**
 * Demo data on a first start (see seed-progress.ts): created through the API like a user would,
 * each record by its owner, so it has owners, audit trails and timelines like real data.
 */
export async function seedDemoData(
  baseUrl: string,
  token: SeedToken,
  counts = { companies: 30, contacts: 200 },
): Promise<{ companies: number; contacts: number }> {
  const { companies, contacts } = demoData(counts.companies, counts.contacts);
  const call = seedApi(baseUrl, token, 'demo data');
  const post = (path: string, ownerEmail: string, body: unknown) =>
    call<{ id: string }>(ownerEmail, 'POST', path, body, 201);
  const companyIds: string[] = [];
  for (const c of companies) companyIds.push((await post('/api/companies', c.ownerEmail, c.body)).id);
  for (const c of contacts) {
    // Keep only phone numbers the validator accepts for that country; demo numbers are fictional.
    const phone = c.body.phone && toE164(c.body.phone, c.body.address?.country) ? c.body.phone : undefined;
    await post('/api/contacts', c.ownerEmail, { ...c.body, phone, companyId: companyIds[c.companyIndex] });
  }
  return { companies: companies.length, contacts: contacts.length };
}
