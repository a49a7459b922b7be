/**
 * The shape every key module shares: the table's key and index attributes, the entity type
 * prefixes, list sources, and the few keys that belong to no one context. Every key of the single
 * table is built in a `keys*.ts` module and nowhere else: records (keys.records.ts), audit
 * (keys.audit.ts), staff and teams (keys.staff.ts), and each sales context in a sibling of the
 * same shape with its own access-pattern table (keys.deals.ts, keys.quotes.ts, keys.contracts.ts,
 * keys.work.ts, ...). Every partition value starts with its entity's TYPE, so the overloaded GSIs
 * are shared without collisions. Key modules take a scope, never a principal: deciding a
 * principal's scope is shared/auth's.
 *
 * Base table
 * | item                         | pk                           | sk                   |
 * |------------------------------|------------------------------|----------------------|
 * | idempotency record           | IDEMPOTENCY#<userId>#<key>   | IDEMPOTENCY          |
 * | notification sent for event  | NOTIFICATION#<auditId>       | <kind>               |
 * | local demo seed progress     | LOCAL#SEED                   | DEMO                 |
 *
 * All GSIs (gsi1 … gsi11) project ALL attributes; their sort keys end in `#<id>` so items of one
 * partition never collide.
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
  | 'job'
  | 'businessCalendar'
  | 'slaPolicy';
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
  businessCalendar: 'BUSINESS_CALENDAR',
  slaPolicy: 'SLA_POLICY',
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

export const ALL_INDEX_ATTRIBUTES = INDEX_NAMES.flatMap((n) => [`${n}pk`, `${n}sk`]);

export interface Key {
  pk: string;
  sk: string;
}

/** Keys that belong to no one context. */
export const coreKeys = {
  idempotency: (userId: string, key: string): Key => ({ pk: `IDEMPOTENCY#${userId}#${key}`, sk: 'IDEMPOTENCY' }),
  /** Claim of a notification sent for a domain event: makes at-least-once delivery send once. */
  notification: (eventId: string, kind: string): Key => ({ pk: `NOTIFICATION#${eventId}`, sk: kind }),
  /** The local runtime's demo seed: `started` when it begins, `done` once every step has run. */
  localSeed: (): Key => ({ pk: 'LOCAL#SEED', sk: 'DEMO' }),
};

/** Sort/search form of a name: case- and width-folded, single-spaced. Works for 张伟 and Ann Lee. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().trim().replace(/\s+/g, ' ');
}

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

/** Attribute names of a source's partition and sort key. */
export function keyAttributes(source: ListSource): { pk: string; sk: string } {
  return source.index === 'table' ? { pk: 'pk', sk: 'sk' } : { pk: `${source.index}pk`, sk: `${source.index}sk` };
}
