import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db/client.js';
import { keys, listSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';

/**
 * The seeded customer sign-ins of the local runtime: they play users of the Cognito portal pool.
 * Each is linked to one seeded contact (and so to its company), as the back office links a portal
 * account in AWS by setting the pool's `custom:contactId` attribute. Locally the link is a
 * portal-user item (`keys.portalUser`), read by the local provider whenever it issues a token.
 */
export interface LocalPortalUser {
  id: string;
  email: string;
  name: string;
}

export const PORTAL_USERS: readonly LocalPortalUser[] = [
  { id: '7b2e4c20-0001-4000-8000-000000000001', email: 'customer1@example.com', name: 'Alex Morgan' },
  { id: '7b2e4c20-0002-4000-8000-000000000002', email: 'customer2@example.com', name: 'Chen Wei 陈伟' },
];

export function findPortalUser(email: string): LocalPortalUser | undefined {
  return PORTAL_USERS.find((u) => u.email === email.trim().toLowerCase());
}

/** Which contact (and company) a portal user acts for. */
export interface PortalLink {
  userId: string;
  contactId: string;
  companyId: string;
}

export async function portalLinkOf(userId: string): Promise<PortalLink | undefined> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.portalUser(userId) }));
  if (!Item || typeof Item.contactId !== 'string' || typeof Item.companyId !== 'string') return undefined;
  return { userId, contactId: Item.contactId, companyId: Item.companyId };
}

/**
 * Links every seeded portal user to a live contact of a company no other portal user is linked to
 * (the oldest such contacts, so a fresh start links the same ones). Idempotent: a link whose
 * contact still lives is kept. Users stay unlinked when the table has too few companies, as a
 * portal user who signed up but was never linked would be.
 */
export async function linkPortalUsers(): Promise<PortalLink[]> {
  const links: PortalLink[] = [];
  const unlinked: LocalPortalUser[] = [];
  for (const user of PORTAL_USERS) {
    const link = await portalLinkOf(user.id);
    if (link && (await contactIsLive(link.contactId))) links.push(link);
    else unlinked.push(user);
  }
  const usedCompanies = new Set(links.map((l) => l.companyId));
  let cursor: string | undefined;
  let pages = 0;
  while (unlinked.length > 0 && pages++ < 20) {
    const page = await queryPage<Record<string, unknown>>(listSource('contact', 'created'), {
      limit: 100,
      forward: true,
      cursor,
    });
    for (const item of page.items) {
      const { id, companyId } = item;
      if (typeof id !== 'string' || typeof companyId !== 'string' || usedCompanies.has(companyId)) continue;
      const user = unlinked.shift();
      if (!user) break;
      const link = { userId: user.id, contactId: id, companyId };
      await db().send(
        new PutCommand({
          TableName: tableName(),
          Item: {
            ...keys.portalUser(user.id),
            type: 'PortalUser',
            id: user.id,
            email: user.email,
            contactId: id,
            companyId,
            linkedAt: new Date().toISOString(),
          },
        }),
      );
      usedCompanies.add(companyId);
      links.push(link);
    }
    if (!page.nextCursor) break;
    cursor = page.nextCursor;
  }
  return links;
}

async function contactIsLive(contactId: string): Promise<boolean> {
  const { Item } = await db().send(new GetCommand({ TableName: tableName(), Key: keys.record('contact', contactId) }));
  return Boolean(Item && !Item.deletedAt);
}
