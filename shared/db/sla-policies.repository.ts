import type { SlaPolicy } from '../domain/service/sla-policy.schema.js';
import { type AuditRecord, putAudit } from './audit.js';
import { serviceKeys, slaPolicyIndexKeys, slaPolicyListSource } from './keys.service.js';
import { getRecord, recordOf, type TransactItem, versionedDelete, versionedPut, writeVersioned } from './kit.js';
import { queryPage } from './query.js';

/** SLA policies (keys.service.ts): one item each, in evaluation order on gsi2, written on its version with its audit. */

/**
 * A CRM keeps a handful of policies; more than this many is refused on create. A reorder rewrites
 * every policy whose place changes, each with its audit record, in one transaction (≤ 100 items).
 */
export const MAX_POLICIES = 40;

const policyItem = (p: SlaPolicy): Record<string, unknown> => ({
  ...serviceKeys.slaPolicy(p.id),
  type: 'SlaPolicy',
  ...p,
  ...slaPolicyIndexKeys(p),
});

export const getSlaPolicy = (id: string) => getRecord<SlaPolicy>(serviceKeys.slaPolicy(id));

/** Every policy in evaluation order: one Query of a small partition. */
export async function listSlaPolicies(): Promise<SlaPolicy[]> {
  const page = await queryPage<Record<string, unknown>>(slaPolicyListSource, { limit: MAX_POLICIES, forward: true });
  return page.items.map((i) => recordOf<SlaPolicy>(i));
}

export interface SlaPolicyChange {
  /** The policy as read (its version guards the write); absent for a create. */
  before: SlaPolicy | undefined;
  after: SlaPolicy;
  audit: AuditRecord;
}

/** Policies' next states on the versions read, each with its audit record, all or nothing. */
export async function writeSlaPolicies(changes: readonly SlaPolicyChange[], extra: TransactItem[] = []): Promise<void> {
  await writeVersioned(
    [...changes.flatMap((c) => [versionedPut(policyItem(c.after), c.before?.version), putAudit(c.audit)]), ...extra],
    'slaPolicy',
  );
}

export async function deleteSlaPolicy(before: SlaPolicy, audit: AuditRecord): Promise<void> {
  await writeVersioned(
    [versionedDelete(serviceKeys.slaPolicy(before.id), before.version), putAudit(audit)],
    'slaPolicy',
  );
}
