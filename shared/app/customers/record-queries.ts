import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { readMergedTimeline } from '../../db/activities.repository.js';
import { getCustomFieldSet } from '../../db/custom-fields.repository.js';
import {
  type ListQuery,
  listCompanies,
  listContacts,
  PHONE_LIKE,
  type StoredRecord,
} from '../../db/customer-records.repository.js';
import type { RecordKind } from '../../db/keys.js';
import type { Page } from '../../domain/common/fields.js';
import type { MergedTimelineEntry } from '../../domain/work/timeline.js';
import { readRecordOrThrow } from './record-commands.js';
import { maskSealed, phoneBlindOf } from './sensitive-values.js';

export async function listCustomerRecords(
  kind: RecordKind,
  query: ListQuery,
  principal: Principal,
): Promise<Page<StoredRecord>> {
  const scope = recordScopeOf(principal);
  const page =
    kind === 'contact'
      ? await listContacts(scope, query, await sensitivePhoneBlind(kind, query))
      : await listCompanies(scope, query);
  // Lists never decrypt: sensitive values are masked for every role (open the record to read them).
  return { items: page.items.map(maskSealed), nextCursor: page.nextCursor };
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
