import { randomUUID } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db/client.js';
import { dealKeys } from '../../shared/db/keys.deals.js';

/**
 * A deal item written straight into the table, for the quotes tests: only the fields a quote
 * reads (scope, name, currency, company, contacts). The deals API builds real ones; these tests
 * exercise quotes, not deal creation, and stay independent of the deal workflow.
 */
export async function putDeal(fields: {
  ownerId: string;
  teamId?: string;
  currency?: string;
  name?: string;
  companyName?: string;
  contactIds?: string[];
}): Promise<{ id: string; name: string; currency: string }> {
  const id = randomUUID();
  const at = new Date().toISOString();
  const deal = {
    id,
    name: fields.name ?? `Expansion ${id.slice(0, 6)}`,
    currency: fields.currency ?? 'USD',
    ownerId: fields.ownerId,
    ...(fields.teamId ? { teamId: fields.teamId } : {}),
    ...(fields.companyName ? { companyName: fields.companyName } : {}),
    contactIds: fields.contactIds ?? [],
    contacts: [],
    amount: 0,
    status: 'open',
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: { ...dealKeys.deal(id), type: 'Deal', ...deal } }));
  return deal;
}
