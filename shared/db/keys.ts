import { nationalDigits, phoneQueryDigits } from '../domain/common/phone.js';

/**
 * Every key of the single table is built here and nowhere else: this module holds the customer
 * records, audit, users and teams; each sales context keeps its keys in a sibling module of the
 * same shape, with its own access-pattern table (keys.deals.ts, keys.quotes.ts,
 * keys.contracts.ts, keys.work.ts). Every partition value starts with its entity's TYPE, so
 * the overloaded GSIs below are shared without collisions.
 *
 * Base table
 * | item                         | pk                           | sk                   |
 * |------------------------------|------------------------------|----------------------|
 * | contact / company            | CONTACT#<id> / COMPANY#<id>  | CONTACT / COMPANY    |
 * | unique e-mail guard          | CONTACT_EMAIL#<email>        | GUARD                |
 * | unique domain guard          | COMPANY_DOMAIN#<domain>      | GUARD                |
 * | audit record (also outbox)   | AUDIT#<KIND>#<id>            | <at>#<auditId>       |
 * | custom-field definitions     | SETTINGS#CUSTOM_FIELDS       | <entity>             |
 * | idempotency record           | IDEMPOTENCY#<userId>#<key>   | IDEMPOTENCY          |
 * | staff user profile           | USER#<userId>                | PROFILE              |
 * | local sign-in credential     | USER#<userId>                | CREDENTIAL           |
 * | count of admins not disabled | USER#ADMINS                  | COUNT                |
 * | staff e-mail → user (unique) | USER_EMAIL#<email>           | GUARD                |
 * | local invitation (TTL)       | INVITATION#<sha256(token)>   | INVITATION           |
 * | portal user → contact link   | PORTAL_USER#<userId>         | PROFILE              |
 * | notification sent for event  | NOTIFICATION#<auditId>       | <kind>               |
 * | team                         | TEAM#<teamId>                | TEAM                 |
 * | bulk reassignment job        | REASSIGNMENT#<jobId>         | JOB                  |
 * | re-encryption job            | CUSTOM_FIELD#REENCRYPT#<id>  | JOB                  |
 * | blind-index key (AWS, sealed)| CUSTOM_FIELD#BLIND_INDEX_KEY | KEY                  |
 * | local demo seed progress     | LOCAL#SEED                   | DEMO                 |
 *
 * Overloaded GSIs (all project ALL attributes). <T> is CONTACT or COMPANY; <name> is nameKey().
 * | index | pk                         | sk                 | access pattern                                  |
 * |-------|----------------------------|--------------------|-------------------------------------------------|
 * | gsi1  | <T>                        | <updatedAt>#<id>   | list all, recently updated first                |
 * | gsi1  | <T>#DELETED                | <deletedAt>#<id>   | the trash (soft-deleted, restorable 30 days)    |
 * | gsi2  | <T>                        | <name>#<id>        | list all by name; `q` name-prefix search        |
 * | gsi2  | USER                       | <name>#<id>        | staff directory by name                         |
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
 * | gsi2  | TEAM                       | <name>#<teamId>    | teams by name                                   |
 * A record's team (`teamId`) is its owner's team when it was assigned (see record-commands.ts);
 * a record whose owner has no team has no team index entry. A manager's "newest first" list is
 * served by gsi10 (recently updated first): a team's lists stay one Query without a third index.
 *
 * Audit records (immutable) are indexed for the audit log; every audit pk starts with AUDIT, so
 * they never meet a record's index entry. <KIND> is CONTACT, COMPANY, CUSTOM_FIELD, USER or TEAM.
 * | index | pk                         | sk                 | access pattern                                  |
 * |-------|----------------------------|--------------------|-------------------------------------------------|
 * | table | AUDIT#<KIND>#<id>          | <at>#<auditId>     | audit log of one record, newest first           |
 * | gsi1  | AUDIT                      | <at>#<auditId>     | audit log of everything, newest first           |
 * | gsi3  | AUDIT#ENTITY#<KIND>        | <at>#<auditId>     | audit log of one entity type                    |
 * | gsi4  | AUDIT#ACTOR#<actorId>      | <at>#<auditId>     | audit log of one person's changes               |
 * A time range is a sort-key BETWEEN on any of them (ISO times sort as they read); the action is
 * a FilterExpression. The single AUDIT partition takes every change's index write: a GSI
 * partition absorbs ~1,000 writes a second, far beyond a CRM team's edit rate.
 *
 * A soft-deleted record drops every index key but the trash entry, so it vanishes from lists and
 * searches while staying readable by id.
 */

export type RecordKind = 'contact' | 'company';
/** Everything that has an audit trail: the records, configuration such as custom fields, and staff users. */
export type AuditedEntity =
  | RecordKind
  | 'customField'
  | 'user'
  | 'team'
  | 'pipeline'
  | 'deal'
  | 'leadPool'
  | 'product'
  | 'quote'
  | 'quota'
  | 'contract'
  | 'task'
  | 'activity'
  | 'job';
/** The type prefix of an entity's keys (pk `<TYPE>#<id>`, audit pk `AUDIT#<TYPE>#<id>`). */
export const TYPE: Record<AuditedEntity, string> = {
  contact: 'CONTACT',
  company: 'COMPANY',
  customField: 'CUSTOM_FIELD',
  user: 'USER',
  team: 'TEAM',
  pipeline: 'PIPELINE',
  deal: 'DEAL',
  leadPool: 'LEAD_POOL',
  product: 'PRODUCT',
  quote: 'QUOTE',
  quota: 'QUOTA',
  contract: 'CONTRACT',
  task: 'TASK',
  activity: 'ACTIVITY',
  job: 'JOB',
};

export type IndexName =
  | 'gsi1'
  | 'gsi2'
  | 'gsi3'
  | 'gsi4'
  | 'gsi5'
  | 'gsi6'
  | 'gsi7'
  | 'gsi8'
  | 'gsi9'
  | 'gsi10'
  | 'gsi11';
export const INDEX_NAMES: readonly IndexName[] = [
  'gsi1',
  'gsi2',
  'gsi3',
  'gsi4',
  'gsi5',
  'gsi6',
  'gsi7',
  'gsi8',
  'gsi9',
  'gsi10',
  'gsi11',
];

export interface Key {
  pk: string;
  sk: string;
}

export const keys = {
  record: (kind: RecordKind, id: string): Key => ({ pk: `${TYPE[kind]}#${id}`, sk: TYPE[kind] }),
  emailGuard: (email: string): Key => ({ pk: `CONTACT_EMAIL#${email.toLowerCase()}`, sk: 'GUARD' }),
  domainGuard: (domain: string): Key => ({ pk: `COMPANY_DOMAIN#${domain.toLowerCase()}`, sk: 'GUARD' }),
  audit: (kind: AuditedEntity, id: string, at: string, auditId: string): Key => ({
    pk: auditPartition(kind, id),
    sk: auditSortKey(at, auditId),
  }),
  customFields: (entity: RecordKind): Key => ({ pk: 'SETTINGS#CUSTOM_FIELDS', sk: entity }),
  idempotency: (userId: string, key: string): Key => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
  user: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'PROFILE' }),
  /** How many admins are not disabled: the guard that keeps the last one (conditional decrement). */
  adminCount: (): Key => ({ pk: 'USER#ADMINS', sk: 'COUNT' }),
  portalUser: (userId: string): Key => ({ pk: `PORTAL_USER#${userId}`, sk: 'PROFILE' }),
  /** Local provider only: a staff user's scrypt password hash (Cognito keeps it in AWS). */
  localCredential: (userId: string): Key => ({ pk: `USER#${userId}`, sk: 'CREDENTIAL' }),
  /** One staff account per e-mail; also how the local provider finds a user at sign-in. */
  userEmailGuard: (email: string): Key => ({ pk: `USER_EMAIL#${email.trim().toLowerCase()}`, sk: 'GUARD' }),
  /** Local provider only: a pending invitation, by the hash of its single-use token. */
  invitation: (tokenHash: string): Key => ({ pk: `INVITATION#${tokenHash}`, sk: 'INVITATION' }),
  /** Claim of a notification sent for a domain event: makes at-least-once delivery send once. */
  notification: (eventId: string, kind: string): Key => ({ pk: `NOTIFICATION#${eventId}`, sk: kind }),
  team: (teamId: string): Key => ({ pk: `TEAM#${teamId}`, sk: 'TEAM' }),
  reassignment: (jobId: string): Key => ({ pk: `REASSIGNMENT#${jobId}`, sk: 'JOB' }),
  /** A re-encryption job after a built-in field's sensitivity changed (see reencrypt-worker.ts). */
  reencryptJob: (jobId: string): Key => ({ pk: `CUSTOM_FIELD#REENCRYPT#${jobId}`, sk: 'JOB' }),
  /** AWS only: the blind-index key, sealed by the field key (see shared/crypto/blind-index.ts). */
  blindIndexKey: (): Key => ({ pk: 'CUSTOM_FIELD#BLIND_INDEX_KEY', sk: 'KEY' }),
  /** The local runtime's demo seed: `started` when it begins, `done` once every step has run. */
  localSeed: (): Key => ({ pk: 'LOCAL#SEED', sk: 'DEMO' }),
};

export function auditPartition(kind: AuditedEntity, id: string): string {
  return `AUDIT#${TYPE[kind]}#${id}`;
}

/** Every audit key sorts by time, then by id (two changes in the same millisecond stay apart). */
function auditSortKey(at: string, auditId: string): string {
  return `${at}#${auditId}`;
}

/** Sort/search form of a name: case- and width-folded, single-spaced. Works for 张伟 and Ann Lee. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

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

export const ALL_INDEX_ATTRIBUTES = INDEX_NAMES.flatMap((n) => [`${n}pk`, `${n}sk`]);

/** Where a list is read from: an index and the partition value of the query. */
export interface ListSource {
  /** A GSI, or `table` for a query of the base table's pk/sk. */
  index: IndexName | 'table';
  pk: string;
  /** begins_with condition on the index sort key, for prefix search. */
  skPrefix?: string;
  /** Sort key strictly below this value, for "due before" sweeps. */
  skBelow?: string;
  /** Sort key between these values (inclusive; either end may be open), for time ranges. */
  skRange?: SortKeyRange;
}

export interface SortKeyRange {
  from?: string;
  to?: string;
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

/** Attribute names of a source's partition and sort key. */
export function keyAttributes(source: ListSource): { pk: string; sk: string } {
  return source.index === 'table' ? { pk: 'pk', sk: 'sk' } : { pk: `${source.index}pk`, sk: `${source.index}sk` };
}

export const staffDirectorySource: ListSource = { index: 'gsi2', pk: 'USER' };
export const teamDirectorySource: ListSource = { index: 'gsi2', pk: 'TEAM' };
export function teamIndexKeys(t: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: 'TEAM', gsi2sk: `${nameKey(t.name)}#${t.id}` };
}
export function userIndexKeys(u: { id: string; name: string }): Record<string, string> {
  return { gsi2pk: 'USER', gsi2sk: `${nameKey(u.name)}#${u.id}` };
}
