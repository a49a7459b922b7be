import dayjs from 'dayjs';
import type { AuditQuery } from '../../api/audit';
import { oneOf } from '../../components/useListParams';
import { AUDIT_ACTIONS, AUDIT_ENTITIES } from './audit-choices';

/** The audit filters kept in the URL (?entity=contact&from=2026-03-01…), so a view can be shared. */
export const AUDIT_PARAMS = ['actorId', 'entity', 'entityId', 'action', 'from', 'to'] as const;
export type AuditParam = (typeof AUDIT_PARAMS)[number];
export type AuditParams = Partial<Record<AuditParam, string>>;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A calendar day of the URL, or undefined for what a hand-edited URL may hold. */
export function dayOf(value: string | undefined): dayjs.Dayjs | undefined {
  if (!value || !DAY.test(value)) return undefined;
  const day = dayjs(value);
  return day.isValid() && day.format('YYYY-MM-DD') === value ? day : undefined;
}

/**
 * The API query of the URL's filters. The URL holds the user's calendar days; the API gets the
 * instants those days start and end in the user's time zone, so "today" means their today.
 */
export function toAuditQuery(params: AuditParams): AuditQuery {
  const entity = oneOf(params.entity, AUDIT_ENTITIES);
  const query: AuditQuery = {
    actorId: params.actorId,
    entity,
    // A record id means nothing without its type (the API refuses it alone).
    entityId: entity ? params.entityId?.trim() || undefined : undefined,
    action: oneOf(params.action, AUDIT_ACTIONS),
    from: dayOf(params.from)?.startOf('day').toISOString(),
    to: dayOf(params.to)?.endOf('day').toISOString(),
  };
  return Object.fromEntries(Object.entries(query).filter(([, value]) => value)) as AuditQuery;
}
