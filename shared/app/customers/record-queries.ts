import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { readMergedTimeline } from '../../db/activities.repository.js';
import { getCustomFieldSet } from '../../db/custom-fields.repository.js';
import { type StoredRecord, toApi } from '../../db/customer-records.repository.js';
import {
  companyContactsSource,
  contactPointSearchSource,
  type ListSort,
  type ListSource,
  listSource,
  nameSearchSource,
  phoneBlindSource,
  phoneSearchSource,
  type RecordKind,
  teamListSource,
  teamNameSearchSource,
  trashSource,
} from '../../db/keys.js';
import { type Filter, queryPage } from '../../db/query.js';
import type { Page } from '../../domain/common/fields.js';
import type { MergedTimelineEntry } from '../../domain/work/timeline.js';
import { readRecordOrThrow } from './record-commands.js';
import { maskSealed, phoneBlindOf } from './sensitive-values.js';

export interface ListQuery {
  q?: string;
  tag?: string;
  ownerId?: string;
  teamId?: string;
  lifecycleStage?: string;
  tier?: string;
  companyId?: string;
  sort: ListSort;
  order?: 'asc' | 'desc';
  view: 'active' | 'deleted';
  cursor?: string;
  limit: number;
}

const PHONE_LIKE = /^\+?[\d\s().-]{3,}$/;
/** "acme.co", not "Acme Inc." or "J.P. Morgan": no spaces, a dot between labels. */
const DOMAIN_LIKE = /^[a-z0-9-]+(\.[a-z0-9-]*)+$/i;

/**
 * Chooses the index that serves a list: the trash, a search index for `q`, a company's
 * contacts, or the list sorted as asked, scoped to the owner when the principal is a sales rep
 * (or when a filter asks for one owner). What no key can serve becomes a FilterExpression.
 */
export function planList(
  kind: RecordKind,
  query: ListQuery,
  principal: Principal,
  /** Phone is sensitive: the blind index of the typed number (exact match only), or null (too short). */
  phoneBlind?: string | null,
): { source: ListSource; filters: Filter[]; forward: boolean } | 'empty' {
  const scope = recordScopeOf(principal);
  if (scope.kind === 'team') return planTeamList(kind, query, scope.teamIds, phoneBlind);
  if (scope.kind === 'owner' && query.ownerId && query.ownerId !== scope.ownerId) return 'empty';
  const ownerId = scope.kind === 'owner' ? scope.ownerId : query.ownerId;
  const filters: Filter[] = [];
  if (query.tag) filters.push({ attribute: 'tags', op: 'contains', value: query.tag });
  if (query.lifecycleStage) filters.push({ attribute: 'lifecycleStage', op: 'eq', value: query.lifecycleStage });
  if (query.tier) filters.push({ attribute: 'tier', op: 'eq', value: query.tier });
  const ownerFilter = (): Filter[] => (ownerId ? [{ attribute: 'ownerId', op: 'eq', value: ownerId }] : []);
  const defaultForward = query.sort === 'name';
  const forward = query.order ? query.order === 'asc' : defaultForward;

  if (query.view === 'deleted') {
    return {
      source: trashSource(kind),
      filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
      forward: false,
    };
  }
  if (query.q) {
    const q = query.q;
    if (kind === 'contact' && !q.includes('@') && PHONE_LIKE.test(q)) {
      if (phoneBlind === null) return 'empty';
      return {
        source: phoneBlind ? phoneBlindSource(phoneBlind) : phoneSearchSource(q),
        filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
        forward: true,
      };
    }
    if (q.includes('@') || (kind === 'company' && DOMAIN_LIKE.test(q))) {
      return {
        source: contactPointSearchSource(kind, q),
        filters: [...filters, ...ownerFilter(), ...companyFilter(query)],
        forward: true,
      };
    }
    return {
      source: nameSearchSource(kind, q, ownerId),
      filters: [...filters, ...companyFilter(query)],
      forward: true,
    };
  }
  if (kind === 'contact' && query.companyId) {
    return { source: companyContactsSource(query.companyId), filters: [...filters, ...ownerFilter()], forward: true };
  }
  return { source: listSource(kind, query.sort, ownerId), filters, forward };
}

/**
 * A manager's list: one team at a time (`?teamId=` among theirs, default the first), read from
 * the team index (gsi10 recently updated, gsi11 by name and name search). "Newest first" is
 * served as recently updated (no third team index). Searches by e-mail or phone, the trash and a
 * company's contacts read their own index with the team as a filter, as a rep's owner filter does.
 */
function planTeamList(
  kind: RecordKind,
  query: ListQuery,
  teamIds: readonly string[],
  phoneBlind?: string | null,
): { source: ListSource; filters: Filter[]; forward: boolean } | 'empty' {
  const teamId = query.teamId ?? teamIds[0];
  if (!teamId || !teamIds.includes(teamId)) return 'empty';
  const filters: Filter[] = [];
  if (query.tag) filters.push({ attribute: 'tags', op: 'contains', value: query.tag });
  if (query.lifecycleStage) filters.push({ attribute: 'lifecycleStage', op: 'eq', value: query.lifecycleStage });
  if (query.tier) filters.push({ attribute: 'tier', op: 'eq', value: query.tier });
  if (query.ownerId) filters.push({ attribute: 'ownerId', op: 'eq', value: query.ownerId });
  const inTeam: Filter = { attribute: 'teamId', op: 'eq', value: teamId };
  const sort = query.sort === 'name' ? 'name' : 'updated';
  const forward = query.order ? query.order === 'asc' : sort === 'name';
  if (query.view === 'deleted') {
    return { source: trashSource(kind), filters: [...filters, inTeam, ...companyFilter(query)], forward: false };
  }
  if (query.q) {
    const q = query.q;
    const byPhone = kind === 'contact' && !q.includes('@') && PHONE_LIKE.test(q);
    if (byPhone && phoneBlind === null) return 'empty';
    if (byPhone || q.includes('@') || (kind === 'company' && DOMAIN_LIKE.test(q))) {
      const phoneSource = phoneBlind ? phoneBlindSource(phoneBlind) : phoneSearchSource(q);
      const source = byPhone ? phoneSource : contactPointSearchSource(kind, q);
      return { source, filters: [...filters, inTeam, ...companyFilter(query)], forward: true };
    }
    return {
      source: teamNameSearchSource(kind, q, teamId),
      filters: [...filters, ...companyFilter(query)],
      forward: true,
    };
  }
  if (kind === 'contact' && query.companyId) {
    return { source: companyContactsSource(query.companyId), filters: [...filters, inTeam], forward: true };
  }
  return { source: teamListSource(kind, sort, teamId), filters, forward };
}

function companyFilter(query: ListQuery): Filter[] {
  return query.companyId ? [{ attribute: 'companyId', op: 'eq', value: query.companyId }] : [];
}

export async function listCustomerRecords(
  kind: RecordKind,
  query: ListQuery,
  principal: Principal,
): Promise<Page<StoredRecord>> {
  const plan = planList(kind, query, principal, await sensitivePhoneBlind(kind, query));
  if (plan === 'empty') return { items: [], nextCursor: null };
  const page = await queryPage<Record<string, unknown>>(plan.source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: plan.forward,
    filters: plan.filters,
  });
  // Lists never decrypt: sensitive values are masked for every role (open the record to read them).
  return { items: page.items.map((item) => maskSealed(toApi(item))), nextCursor: page.nextCursor };
}

/**
 * A phone search when the contact phone is sensitive: the plain index holds no sensitive phone,
 * so the typed number is matched exactly through its blind index (one GetItem of the settings
 * first; prefix search is off). Undefined when phone is not sensitive or this is no phone search.
 */
async function sensitivePhoneBlind(kind: RecordKind, query: ListQuery): Promise<string | null | undefined> {
  const q = query.q;
  if (kind !== 'contact' || !q || q.includes('@') || !PHONE_LIKE.test(q) || query.view === 'deleted') return undefined;
  const set = await getCustomFieldSet('contact');
  if (!set.builtIn?.some((s) => s.key === 'phone' && s.sensitive)) return undefined;
  return (await phoneBlindOf(q)) ?? null;
}

/**
 * A record's history, newest first: its audit trail merged with the activities logged on it
 * (two bounded Queries per page, one cursor; see shared/db/activities.repository.ts).
 */
export async function recordTimeline(
  kind: RecordKind,
  id: string,
  principal: Principal,
  page: { cursor?: string; limit: number },
): Promise<Page<MergedTimelineEntry>> {
  await readRecordOrThrow(kind, id, principal);
  return readMergedTimeline(kind, id, page);
}
