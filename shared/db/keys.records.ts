import { nationalDigits, phoneQueryDigits } from '../domain/common/phone.js';
import { type IndexName, type Key, type ListSource, nameKey, type RecordKind, TYPE } from './keys.core.js';

/**
 * Customer records (contacts and companies) and their settings.
 *
 * Base table
 * | item                         | pk                           | sk                   |
 * |------------------------------|------------------------------|----------------------|
 * | contact / company            | CONTACT#<id> / COMPANY#<id>  | CONTACT / COMPANY    |
 * | unique e-mail guard          | CONTACT_EMAIL#<email>        | GUARD                |
 * | unique domain guard          | COMPANY_DOMAIN#<domain>      | GUARD                |
 * | custom-field definitions     | SETTINGS#CUSTOM_FIELDS       | <entity>             |
 * | bulk reassignment job        | REASSIGNMENT#<jobId>         | JOB                  |
 * | re-encryption job            | CUSTOM_FIELD#REENCRYPT#<id>  | JOB                  |
 * | blind-index key (AWS, sealed)| CUSTOM_FIELD#BLIND_INDEX_KEY | KEY                  |
 *
 * Overloaded GSIs (all project ALL attributes). <T> is CONTACT or COMPANY; <name> is nameKey().
 * | index | pk                         | sk                 | access pattern                                  |
 * |-------|----------------------------|--------------------|-------------------------------------------------|
 * | gsi1  | <T>                        | <updatedAt>#<id>   | list all, recently updated first                |
 * | gsi1  | <T>#DELETED                | <deletedAt>#<id>   | the trash (soft-deleted, restorable 30 days)    |
 * | gsi2  | <T>                        | <name>#<id>        | list all by name; `q` name-prefix search        |
 * | gsi3  | <T>                        | <createdAt>#<id>   | list all, newest first                          |
 * | gsi4  | <T>#OWNER#<ownerId>        | <updatedAt>#<id>   | a rep's own records, recently updated first     |
 * | gsi5  | <T>#OWNER#<ownerId>        | <name>#<id>        | a rep's own records by name; name-prefix search |
 * | gsi6  | <T>#OWNER#<ownerId>        | <createdAt>#<id>   | a rep's own records, newest first               |
 * | gsi7  | COMPANY#<companyId>#CONTACT| <name>#<id>        | a company's contacts by name                    |
 * | gsi8  | CONTACT#EMAIL / COMPANY#DOMAIN | <email>/<domain> | `q` e-mail / domain prefix search             |
 * | gsi9  | CONTACT#PHONE              | <national digits>  | `q` phone prefix search, as dialled at home     |
 * | gsi9  | CONTACT#PHONE_BLIND        | <hmac>#<id>        | exact phone match when phone is sensitive       |
 * | gsi10 | <T>#TEAM#<teamId>          | <updatedAt>#<id>   | a team's records, recently updated first        |
 * | gsi11 | <T>#TEAM#<teamId>          | <name>#<id>        | a team's records by name; name-prefix search    |
 * A record's team (`teamId`) is its owner's team when it was assigned (see record-commands.ts);
 * a record whose owner has no team has no team index entry. A manager's "newest first" list is
 * served by gsi10 (recently updated first): a team's lists stay one Query without a third index.
 *
 * A soft-deleted record drops every index key but the trash entry, so it vanishes from lists and
 * searches while staying readable by id.
 */

export const recordKeys = {
  record: (kind: RecordKind, id: string): Key => ({ pk: `${TYPE[kind]}#${id}`, sk: TYPE[kind] }),
  emailGuard: (email: string): Key => ({ pk: `CONTACT_EMAIL#${email.toLowerCase()}`, sk: 'GUARD' }),
  domainGuard: (domain: string): Key => ({ pk: `COMPANY_DOMAIN#${domain.toLowerCase()}`, sk: 'GUARD' }),
  customFields: (entity: RecordKind): Key => ({ pk: 'SETTINGS#CUSTOM_FIELDS', sk: entity }),
  reassignment: (jobId: string): Key => ({ pk: `REASSIGNMENT#${jobId}`, sk: 'JOB' }),
  /** A re-encryption job after a built-in field's sensitivity changed (see reencrypt-worker.ts). */
  reencryptJob: (jobId: string): Key => ({ pk: `CUSTOM_FIELD#REENCRYPT#${jobId}`, sk: 'JOB' }),
  /** AWS only: the blind-index key, sealed by the field key (see shared/crypto/blind-index.ts). */
  blindIndexKey: (): Key => ({ pk: 'CUSTOM_FIELD#BLIND_INDEX_KEY', sk: 'KEY' }),
};

export interface IndexedRecord {
  id: string;
  name: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
  email?: string;
  /** E.164, or a sealed value when phone is sensitive (then `phoneBlind` is indexed instead). */
  phone?: unknown;
  /** The keyed blind index of a sealed phone's national digits (shared/crypto/blind-index.ts). */
  phoneBlind?: unknown;
  companyId?: string;
  domain?: string;
  teamId?: string;
}

/** The GSI attributes a live record carries. */
export function liveIndexKeys(kind: RecordKind, r: IndexedRecord): Record<string, string> {
  const t = TYPE[kind];
  const name = `${nameKey(r.name)}#${r.id}`;
  const out: Record<string, string> = {
    gsi1pk: t,
    gsi2pk: t,
    gsi2sk: name,
    gsi3pk: t,
    gsi3sk: `${r.createdAt}#${r.id}`,
    ...ownershipIndexKeys(kind, r),
  };
  if (kind === 'contact' && r.companyId) Object.assign(out, { gsi7pk: `COMPANY#${r.companyId}#CONTACT`, gsi7sk: name });
  if (kind === 'contact' && r.email) Object.assign(out, { gsi8pk: 'CONTACT#EMAIL', gsi8sk: `${r.email}#${r.id}` });
  if (kind === 'company' && r.domain) Object.assign(out, { gsi8pk: 'COMPANY#DOMAIN', gsi8sk: `${r.domain}#${r.id}` });
  if (kind === 'contact' && typeof r.phoneBlind === 'string')
    Object.assign(out, { gsi9pk: 'CONTACT#PHONE_BLIND', gsi9sk: `${r.phoneBlind}#${r.id}` });
  else if (kind === 'contact' && typeof r.phone === 'string')
    Object.assign(out, { gsi9pk: 'CONTACT#PHONE', gsi9sk: `${nationalDigits(r.phone)}#${r.id}` });
  return out;
}

/**
 * The GSI attributes that change when a live record changes owner (and so team) and is touched:
 * the owner and team indexes, and the "recently updated" sort keys. A reassignment rewrites only
 * these (UpdateItem), so it needs nothing of the other keys (no phone digits). Without a team the
 * team index attributes are absent (see TEAM_INDEX_ATTRIBUTES, which such an update removes).
 */
export function ownershipIndexKeys(
  kind: RecordKind,
  r: Pick<IndexedRecord, 'id' | 'name' | 'ownerId' | 'createdAt' | 'updatedAt' | 'teamId'>,
): Record<string, string> {
  const t = TYPE[kind];
  const name = `${nameKey(r.name)}#${r.id}`;
  const owner = `${t}#OWNER#${r.ownerId}`;
  const updated = `${r.updatedAt}#${r.id}`;
  const out: Record<string, string> = {
    gsi1sk: updated,
    gsi4pk: owner,
    gsi4sk: updated,
    gsi5pk: owner,
    gsi5sk: name,
    gsi6pk: owner,
    gsi6sk: `${r.createdAt}#${r.id}`,
  };
  if (r.teamId) {
    const team = teamPartition(kind, r.teamId);
    Object.assign(out, { gsi10pk: team, gsi10sk: updated, gsi11pk: team, gsi11sk: name });
  }
  return out;
}

export const TEAM_INDEX_ATTRIBUTES = ['gsi10pk', 'gsi10sk', 'gsi11pk', 'gsi11sk'] as const;

/** The only GSI attributes a soft-deleted record keeps: its place in the trash. */
export function trashIndexKeys(kind: RecordKind, r: { id: string; deletedAt: string }): Record<string, string> {
  return { gsi1pk: `${TYPE[kind]}#DELETED`, gsi1sk: `${r.deletedAt}#${r.id}` };
}

export type ListSort = 'updated' | 'created' | 'name';

/** The list pattern for a scope and sort (see the GSI table above). */
export function listSource(kind: RecordKind, sort: ListSort, ownerId?: string): ListSource {
  const t = TYPE[kind];
  const index: Record<ListSort, [IndexName, IndexName]> = {
    updated: ['gsi1', 'gsi4'],
    name: ['gsi2', 'gsi5'],
    created: ['gsi3', 'gsi6'],
  };
  const [all, owned] = index[sort];
  return ownerId ? { index: owned, pk: `${t}#OWNER#${ownerId}` } : { index: all, pk: t };
}

const teamPartition = (kind: RecordKind, teamId: string) => `${TYPE[kind]}#TEAM#${teamId}`;

/**
 * A team's list (a manager's scope): by name on gsi11, otherwise recently updated first on
 * gsi10 ("newest first" falls back to it; see the table above).
 */
export function teamListSource(kind: RecordKind, sort: ListSort, teamId: string): ListSource {
  return { index: sort === 'name' ? 'gsi11' : 'gsi10', pk: teamPartition(kind, teamId) };
}

export function teamNameSearchSource(kind: RecordKind, prefix: string, teamId: string): ListSource {
  return { ...teamListSource(kind, 'name', teamId), skPrefix: nameKey(prefix) };
}

/** A rep's records, oldest update first: what a bulk reassignment walks page by page (gsi4). */
export function ownerRecordsSource(kind: RecordKind, ownerId: string): ListSource {
  return listSource(kind, 'updated', ownerId);
}

export function trashSource(kind: RecordKind): ListSource {
  return { index: 'gsi1', pk: `${TYPE[kind]}#DELETED` };
}

/** Trash entries deleted before `cutoff` (ISO time): what the purge sweep is due to remove. */
export function trashDueSource(kind: RecordKind, cutoff: string): ListSource {
  return { ...trashSource(kind), skBelow: cutoff };
}

export function companyContactsSource(companyId: string): ListSource {
  return { index: 'gsi7', pk: `COMPANY#${companyId}#CONTACT` };
}

export function nameSearchSource(kind: RecordKind, prefix: string, ownerId?: string): ListSource {
  return { ...listSource(kind, 'name', ownerId), skPrefix: nameKey(prefix) };
}

export function contactPointSearchSource(kind: RecordKind, prefix: string): ListSource {
  return kind === 'contact'
    ? { index: 'gsi8', pk: 'CONTACT#EMAIL', skPrefix: prefix.toLowerCase() }
    : { index: 'gsi8', pk: 'COMPANY#DOMAIN', skPrefix: prefix.toLowerCase() };
}

/** Contacts whose phone is exactly these national digits (the duplicate check). */
export function phoneExactSource(nationalDigits: string): ListSource {
  return { index: 'gsi9', pk: 'CONTACT#PHONE', skPrefix: `${nationalDigits}#` };
}

/** Contacts whose sensitive phone has this blind index: exact match only, no prefix search. */
export function phoneBlindSource(blindIndex: string): ListSource {
  return { index: 'gsi9', pk: 'CONTACT#PHONE_BLIND', skPrefix: `${blindIndex}#` };
}

export function phoneSearchSource(prefix: string): ListSource {
  return { index: 'gsi9', pk: 'CONTACT#PHONE', skPrefix: phoneQueryDigits(prefix) };
}
