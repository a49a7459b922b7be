import type { EventBridgeEvent } from 'aws-lambda';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { auditRecord, putAudit } from '../../shared/db/audit.js';
import { tableName } from '../../shared/db/client.js';
import { getRecord, type StoredRecord, toApi } from '../../shared/db/customer-records.repository.js';
import { companyContactsSource, keys } from '../../shared/db/keys.js';
import { transactWrite } from '../../shared/db/kit.js';
import { queryPage } from '../../shared/db/query.js';
import { AppError, staleVersion } from '../../shared/domain/common/errors.js';
import type { DomainEventDetail } from '../../shared/events/domain-event.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

/**
 * Keeps contacts' `companyName` (denormalised for list columns) in step with their company: on
 * `company.updated` with a name change, pages through the company's contacts (gsi7, a Query per
 * page, never a Scan) and rewrites the name on each contact that differs, with the contact's
 * version as condition and an audit record in the same transaction. It always copies the
 * company's CURRENT name (read again), so events arriving twice or out of order converge, and a
 * contact already right is left alone: a redelivery changes nothing.
 */

export const PAGE_SIZE = 100;
const ATTEMPTS = 3;

export async function handler(
  event: Pick<EventBridgeEvent<string, DomainEventDetail>, 'detail-type' | 'detail'>,
): Promise<{ updated: number }> {
  const { detail } = event;
  if (detail.entity !== 'company' || !detail.changes.some((c) => c.field === 'name')) return { updated: 0 };
  const out = await syncCompanyName(detail.entityId, { userId: detail.actor.id, name: detail.actor.name });
  logger.info('company name synced to contacts', { companyId: detail.entityId, updated: out.updated });
  return out;
}

export async function syncCompanyName(
  companyId: string,
  actor: { userId: string; name: string },
  now: () => Date = () => new Date(),
): Promise<{ updated: number }> {
  const company = await getRecord('company', companyId);
  if (!company || company.deletedAt) return { updated: 0 };
  let updated = 0;
  let cursor: string | undefined;
  do {
    const page = await queryPage<Record<string, unknown>>(companyContactsSource(companyId), {
      limit: PAGE_SIZE,
      cursor,
      forward: true,
    });
    for (const item of page.items) {
      if (await renameOne(toApi(item), company, actor, now)) updated += 1;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return { updated };
}

/** One contact, on its version; re-read and retried when it changed meanwhile. */
async function renameOne(
  seen: StoredRecord,
  company: StoredRecord,
  actor: { userId: string; name: string },
  now: () => Date,
): Promise<boolean> {
  let contact: StoredRecord | undefined = seen;
  for (let attempt = 0; attempt < ATTEMPTS && contact; attempt++) {
    if (contact.companyId !== company.id || contact.deletedAt || contact.companyName === company.name) return false;
    const at = now().toISOString();
    const audit = auditRecord({
      kind: 'contact',
      entityId: contact.id,
      entityName: contact.name,
      action: 'updated',
      actor,
      changes: [{ field: 'companyName', before: contact.companyName ?? null, after: company.name }],
      at,
    });
    try {
      await transactWrite(
        [
          {
            Update: {
              TableName: tableName(),
              Key: keys.record('contact', contact.id),
              // updatedAt stays: a denormalised label changed, not the contact (lists keep their order).
              UpdateExpression: 'SET #companyName = :name, #version = :next',
              ConditionExpression:
                '#version = :version AND #companyId = :companyId AND attribute_not_exists(#deletedAt)',
              ExpressionAttributeNames: {
                '#companyName': 'companyName',
                '#version': 'version',
                '#companyId': 'companyId',
                '#deletedAt': 'deletedAt',
              },
              ExpressionAttributeValues: {
                ':name': company.name,
                ':next': contact.version + 1,
                ':version': contact.version,
                ':companyId': company.id,
              },
            },
          },
          putAudit(audit),
        ],
        () => staleVersion('contact'),
      );
      return true;
    } catch (error) {
      if (!(error instanceof AppError && error.kind === 'conflict')) throw error;
      contact = await getRecord('contact', seen.id);
    }
  }
  return false;
}
