import { beforeAll, describe, expect, it } from 'vitest';
import type { planAuditQuery as PlanAuditQuery } from '../../shared/db/audit.js';
import { type AuditFilters, auditExportQuery, auditListQuery } from '../../shared/domain/audit/audit.schema.js';
import { rejectedFields } from './zod-issues.js';

let planAuditQuery: typeof PlanAuditQuery;

beforeAll(async () => {
  // Clients are created lazily; the module only needs to know its table's name at import.
  process.env.TABLE_NAME ??= 'test-table';
  ({ planAuditQuery } = await import('../../shared/db/audit.js'));
});

const MARCH = { from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z' };
const MARCH_RANGE = { from: MARCH.from, to: `${MARCH.to}#~` };

describe('planAuditQuery: which key serves the filters', () => {
  it.each<[string, AuditFilters, { index: string; pk: string }]>([
    ['no filter: the log of everything', {}, { index: 'gsi1', pk: 'AUDIT' }],
    ['an entity type', { entity: 'company' }, { index: 'gsi3', pk: 'AUDIT#ENTITY#COMPANY' }],
    ['custom fields', { entity: 'customField' }, { index: 'gsi3', pk: 'AUDIT#ENTITY#CUSTOM_FIELD' }],
    ['an actor', { actorId: 'u-1' }, { index: 'gsi4', pk: 'AUDIT#ACTOR#u-1' }],
    ['one record', { entity: 'contact', entityId: 'c-1' }, { index: 'table', pk: 'AUDIT#CONTACT#c-1' }],
    [
      'one custom field',
      { entity: 'customField', entityId: 'contact.nickname' },
      { index: 'table', pk: 'AUDIT#CUSTOM_FIELD#contact.nickname' },
    ],
  ])('reads %s from its own partition, unfiltered', (_what, query, source) => {
    expect(planAuditQuery(query)).toEqual({ source, filters: [] });
  });

  it('reads one record by its partition and filters by actor', () => {
    expect(planAuditQuery({ entity: 'contact', entityId: 'c-1', actorId: 'u-1' })).toEqual({
      source: { index: 'table', pk: 'AUDIT#CONTACT#c-1' },
      filters: [{ attribute: 'actor.id', op: 'eq', value: 'u-1' }],
    });
  });

  it("reads an actor's changes by the actor index and filters by entity type", () => {
    expect(planAuditQuery({ actorId: 'u-1', entity: 'company' })).toEqual({
      source: { index: 'gsi4', pk: 'AUDIT#ACTOR#u-1' },
      filters: [{ attribute: 'entity', op: 'eq', value: 'company' }],
    });
  });

  it.each<[string, AuditFilters]>([
    ['everything', {}],
    ['an entity type', { entity: 'contact' }],
    ['an actor', { actorId: 'u-1' }],
    ['a record', { entity: 'contact', entityId: 'c-1' }],
  ])('filters %s by action, which no key serves', (_what, query) => {
    expect(planAuditQuery({ ...query, action: 'deleted' }).filters).toContainEqual({
      attribute: 'action',
      op: 'eq',
      value: 'deleted',
    });
  });

  it.each<[string, AuditFilters]>([
    ['everything', {}],
    ['an entity type', { entity: 'contact' }],
    ['an actor', { actorId: 'u-1' }],
    ['a record', { entity: 'contact', entityId: 'c-1' }],
  ])('serves a time range on %s with the sort key, not a filter', (_what, query) => {
    const plan = planAuditQuery({ ...query, ...MARCH });

    expect(plan.source.skRange).toEqual(MARCH_RANGE);
    expect(plan.filters).toEqual([]);
  });

  it('leaves the range open at the end not given', () => {
    expect(planAuditQuery({ from: MARCH.from }).source.skRange).toEqual({ from: MARCH.from });
  });
});

describe('auditListQuery', () => {
  it('accepts no filters, with the default page size', () => {
    expect(auditListQuery.parse({})).toEqual({ limit: 50 });
  });

  it('reads bare dates as whole UTC days', () => {
    expect(auditListQuery.parse({ from: '2026-03-01', to: '2026-03-31' })).toMatchObject(MARCH);
  });

  it('reads date-times with a zone as UTC instants', () => {
    expect(auditListQuery.parse({ from: '2026-03-01T09:30:00+08:00', to: '2026-03-01T10:00Z' })).toMatchObject({
      from: '2026-03-01T01:30:00.000Z',
      to: '2026-03-01T10:00:00.000Z',
    });
  });

  it('accepts every filter together', () => {
    const query = {
      actorId: 'u-1',
      entity: 'contact',
      entityId: 'c-1',
      action: 'updated',
      from: '2026-03-01',
      to: '2026-03-02',
      cursor: 'abc',
      limit: '20',
    };

    expect(rejectedFields(auditListQuery, query)).toEqual([]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown entity', { entity: 'invoice' }, 'entity'],
    ['an unknown action', { action: 'hacked' }, 'action'],
    ['a record id without its entity', { entityId: 'c-1' }, 'entityId'],
    ['a record id with spaces', { entity: 'contact', entityId: 'c 1' }, 'entityId'],
    ['an actor id that is not an id', { actorId: 'u/1' }, 'actorId'],
    ['an impossible day', { from: '2026-02-30' }, 'from'],
    ['a date in another notation', { from: '01/03/2026' }, 'from'],
    ['a date-time without a zone', { to: '2026-03-01T09:30' }, 'to'],
    ['an impossible hour', { to: '2026-03-01T25:00Z' }, 'to'],
    ['a range that runs backwards', { from: '2026-03-02', to: '2026-03-01' }, 'to'],
    ['a limit above 200', { limit: '500' }, 'limit'],
    ['an unknown filter', { owner: 'u-1' }, 'owner'],
  ])('rejects %s, naming the field', (_what, query, field) => {
    expect(rejectedFields(auditListQuery, query)).toEqual([field]);
  });
});

describe('auditExportQuery', () => {
  it('takes the same filters', () => {
    expect(rejectedFields(auditExportQuery, { entity: 'contact', entityId: 'c-1', action: 'updated' })).toEqual([]);
  });

  it.each(['cursor', 'limit'])('has no %s: an export is bounded, not paged', (field) => {
    expect(rejectedFields(auditExportQuery, { [field]: '1' })).toEqual([field]);
  });
});
