import { inScope, type Principal, recordScopeOf } from '../../auth/principal.js';
import { getRelatedRecord } from '../../db/activities.repository.js';
import { notFound } from '../../domain/common/errors.js';

export type RelatedEntity = 'contact' | 'company' | 'deal' | 'contract';

/** What a task or activity keeps of the record it is about. */
export interface RelatedSummary {
  entity: RelatedEntity;
  id: string;
  name: string;
}

/**
 * The record as a task or activity sees it, if the principal may see it: it exists, is not
 * deleted, and lies in their record scope (owner / team / all, as for the record's own routes).
 */
export function visibleRelated(
  principal: Principal,
  entity: RelatedEntity,
  id: string,
  item: Record<string, unknown> | undefined,
): RelatedSummary | undefined {
  if (!item || item.deletedAt) return undefined;
  const ownerId = typeof item.ownerId === 'string' ? item.ownerId : '';
  const teamId = typeof item.teamId === 'string' ? item.teamId : undefined;
  if (!inScope(recordScopeOf(principal), { ownerId, teamId })) return undefined;
  const name = [item.name, item.title, item.number].find((v) => typeof v === 'string' && v !== '') as
    | string
    | undefined;
  return { entity, id, name: name ?? id };
}

/** The related record in scope, or 404 exactly as the record's own route answers. */
export async function relatedOrThrow(principal: Principal, entity: RelatedEntity, id: string): Promise<RelatedSummary> {
  const related = visibleRelated(principal, entity, id, await getRelatedRecord(entity, id));
  if (!related) throw notFound(entity);
  return related;
}
