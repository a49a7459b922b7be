import { type AuditedEntity, type Key, type ListSource, type SortKeyRange, TYPE } from './keys.core.js';

/**
 * Audit records (immutable; each is also the outbox entry of its change). Every audit pk starts
 * with AUDIT, so they never meet a record's index entry. <KIND> is the entity's TYPE (CONTACT,
 * COMPANY, CUSTOM_FIELD, USER, TEAM, DEAL, ...).
 * | index | pk                         | sk                 | access pattern                                  |
 * |-------|----------------------------|--------------------|-------------------------------------------------|
 * | table | AUDIT#<KIND>#<id>          | <at>#<auditId>     | audit log of one record, newest first           |
 * | gsi1  | AUDIT                      | <at>#<auditId>     | audit log of everything, newest first           |
 * | gsi3  | AUDIT#ENTITY#<KIND>        | <at>#<auditId>     | audit log of one entity type                    |
 * | gsi4  | AUDIT#ACTOR#<actorId>      | <at>#<auditId>     | audit log of one person's changes               |
 * A time range is a sort-key BETWEEN on any of them (ISO times sort as they read); the action is
 * a FilterExpression. The single AUDIT partition takes every change's index write: a GSI
 * partition absorbs ~1,000 writes a second, far beyond a CRM team's edit rate.
 */

export const auditKeys = {
  audit: (kind: AuditedEntity, id: string, at: string, auditId: string): Key => ({
    pk: auditPartition(kind, id),
    sk: auditSortKey(at, auditId),
  }),
};

export function auditPartition(kind: AuditedEntity, id: string): string {
  return `AUDIT#${TYPE[kind]}#${id}`;
}

/** Every audit key sorts by time, then by id (two changes in the same millisecond stay apart). */
function auditSortKey(at: string, auditId: string): string {
  return `${at}#${auditId}`;
}

/** The audit trail of one record (or custom field), in its own partition. */
export function auditSource(kind: AuditedEntity, id: string): ListSource {
  return { index: 'table', pk: auditPartition(kind, id) };
}

const AUDIT_LOG = 'AUDIT';
const auditEntityPartition = (kind: AuditedEntity) => `AUDIT#ENTITY#${TYPE[kind]}`;
const auditActorPartition = (actorId: string) => `AUDIT#ACTOR#${actorId}`;

/** The audit log of everything (gsi1 AUDIT). */
export const auditLogSource: ListSource = { index: 'gsi1', pk: AUDIT_LOG };

/** The audit log of one entity type (gsi3). */
export function auditEntitySource(kind: AuditedEntity): ListSource {
  return { index: 'gsi3', pk: auditEntityPartition(kind) };
}

/** The audit log of one person's changes (gsi4, the owner-style index). */
export function auditActorSource(actorId: string): ListSource {
  return { index: 'gsi4', pk: auditActorPartition(actorId) };
}

export interface AuditIndexKeys {
  gsi1pk: string;
  gsi1sk: string;
  gsi3pk: string;
  gsi3sk: string;
  gsi4pk: string;
  gsi4sk: string;
}

/** The GSI attributes of an audit record: one entry in each audit log index. */
export function auditIndexKeys(a: { entity: AuditedEntity; actorId: string; at: string; id: string }): AuditIndexKeys {
  const sk = auditSortKey(a.at, a.id);
  return {
    gsi1pk: AUDIT_LOG,
    gsi1sk: sk,
    gsi3pk: auditEntityPartition(a.entity),
    gsi3sk: sk,
    gsi4pk: auditActorPartition(a.actorId),
    gsi4sk: sk,
  };
}

/**
 * Audit sort-key bounds of the changes made between two instants (ISO, both inclusive). `to`
 * is widened past every audit id made in its millisecond; '~' sorts after the id's characters.
 */
export function auditTimeRange(from: string | undefined, to: string | undefined): SortKeyRange | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { from } : {}), ...(to ? { to: `${to}#~` } : {}) };
}
