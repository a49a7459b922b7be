import { AppError, invalid } from '../domain/common/errors.js';
import type { Quota } from '../domain/forecast/quota.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { forecastKeys, periodQuotasSource, quotaIndexKeys, repQuotasSource } from './keys.forecast.js';
import type { Key } from './keys.js';
import { getFound, recordOf, type TransactItem, transactWrite, versionedPut } from './kit.js';
import { queryPage } from './query.js';

/**
 * Quotas, one item per rep and month (see keys.forecast.ts). Every change is one transaction of
 * the quotas it sets, each conditioned on the version it replaces (or on being new), and their
 * audit records.
 */

const toQuota = (item: Record<string, unknown>): Quota => recordOf<Quota>(item);

export const quotaItem = (q: Quota): Record<string, unknown> => ({
  ...forecastKeys.quota(q.userId, q.month),
  type: 'Quota',
  ...q,
  ...quotaIndexKeys(q),
});

/** Pages read at most for a period's company-wide quotas (a page is up to 1 MB: ~4,000 quotas). */
const MAX_PERIOD_PAGES = 5;

/** A rep's quotas over consecutive months: one Query of their partition (sk BETWEEN). */
export async function repQuotas(userId: string, months: readonly string[]): Promise<Quota[]> {
  const page = await queryPage<Record<string, unknown>>(repQuotasSource(userId, months[0]!, months.at(-1)!), {
    limit: months.length,
    forward: true,
  });
  return page.items.map(toQuota);
}

/** Every rep's quotas of consecutive months of one year: one Query of gsi1 (more pages only past ~4,000 quotas). */
export async function companyQuotas(months: readonly string[]): Promise<Quota[]> {
  const source = periodQuotasSource(months[0]!, months.at(-1)!);
  const out: Quota[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PERIOD_PAGES; page++) {
    const got = await queryPage<Record<string, unknown>>(source, { limit: 1000, forward: true, cursor });
    out.push(...got.items.map(toQuota));
    if (!got.nextCursor) break;
    cursor = got.nextCursor;
  }
  return out;
}

/** The quotas of these reps and months, by key (BatchGetItem, 100 keys a request). */
export async function quotasOf(
  userIds: readonly string[],
  months: readonly string[],
  consistent = false,
): Promise<Quota[]> {
  const wanted: Key[] = userIds.flatMap((u) => months.map((m) => forecastKeys.quota(u, m)));
  const found = (await getFound(wanted, { consistent })).map(toQuota);
  return found.sort((a, b) => a.userId.localeCompare(b.userId) || a.month.localeCompare(b.month));
}

export interface QuotaChange {
  /** The quota as read (its version guards the write); absent for a new quota. */
  before: Quota | undefined;
  after: Quota;
  audit: AuditRecord;
}

/** Writes the quotas and their audit records all or nothing; a stale version is a 409. */
export async function writeQuotas(changes: readonly QuotaChange[]): Promise<void> {
  if (changes.length === 0) return;
  if (changes.length * 2 > 100) throw invalid({ quotas: 'Too many quotas at once' });
  const items: TransactItem[] = changes.flatMap(({ before, after, audit }) => [
    versionedPut(quotaItem(after), before?.version),
    putAudit(audit),
  ]);
  await transactWrite(items, (failed) => {
    const change = changes[Math.floor(failed[0]!.index / 2)]!;
    return new AppError(
      'conflict',
      'request.stale_version',
      'A quota was changed by someone else; reload the quotas and apply your change again',
      { [`quotas.${change.after.userId}.${change.after.month}`]: 'Changed meanwhile' },
    );
  });
}
