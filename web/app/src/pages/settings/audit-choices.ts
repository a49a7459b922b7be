import type { AuditEntity } from '../../api/audit';
import type { AuditAction } from '../../api/types';

/**
 * The choices of the audit filters. They live in the zod schemas too, but importing those at
 * runtime would pull zod into the bundle; the exhaustiveness check makes the compiler catch drift.
 */
type Exhaustive<Union, List extends readonly unknown[]> = [Exclude<Union, List[number]>] extends [never] ? true : false;

export const AUDIT_ENTITIES = [
  'contact',
  'company',
  'customField',
  'user',
  'team',
  'pipeline',
  'deal',
  'leadPool',
  'product',
  'quote',
  'quota',
  'contract',
  'task',
  'activity',
  'job',
  'businessCalendar',
  'slaPolicy',
] as const satisfies readonly AuditEntity[];
export const AUDIT_ACTIONS = [
  'created',
  'updated',
  'deleted',
  'restored',
  'purged',
] as const satisfies readonly AuditAction[];

export const exhaustive: [
  Exhaustive<AuditEntity, typeof AUDIT_ENTITIES>,
  Exhaustive<AuditAction, typeof AUDIT_ACTIONS>,
] = [true, true];

export const ACTION_COLORS: Record<AuditAction, string> = {
  created: 'green',
  updated: 'blue',
  deleted: 'red',
  restored: 'cyan',
  purged: 'default',
};
