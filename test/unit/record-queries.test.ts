import { beforeAll, describe, expect, it } from 'vitest';
import { type Principal, recordScopeOf } from '../../shared/auth/principal.js';
import type { ListQuery, planRecordList as PlanRecordList } from '../../shared/db/customer-records.repository.js';
import type { RecordKind } from '../../shared/db/keys.js';
import {
  aListQuery,
  aManager,
  anAdmin,
  aPrincipalWithRoles,
  aSalesRep,
  OTHER_SALES_REP_ID,
  SALES_REP_ID,
} from '../support/builders.js';

let planRecordList: typeof PlanRecordList;
/** The app layer derives the scope from the principal once; the repository plans in that scope. */
const planList = (kind: RecordKind, query: ListQuery, principal: Principal) =>
  planRecordList(kind, recordScopeOf(principal), query);

beforeAll(async () => {
  // Clients are created lazily; the module only needs to know its table's name at import.
  process.env.TABLE_NAME ??= 'test-table';
  ({ planRecordList } = await import('../../shared/db/customer-records.repository.js'));
});

const rep = aSalesRep();
const admin = anAdmin();
const ownedBy = (ownerId: string) => ({ attribute: 'ownerId', op: 'eq', value: ownerId });
const REP_CONTACTS = `CONTACT#OWNER#${SALES_REP_ID}`;

function plan(kind: RecordKind, query: Partial<ListQuery>, principal: Principal) {
  const result = planList(kind, aListQuery(query), principal);
  if (result === 'empty') throw new Error('expected a plan, got empty');
  return result;
}

describe('planList: plain lists', () => {
  it.each<[string, Principal, Partial<ListQuery>, string, string, boolean]>([
    ['a sales rep', rep, {}, 'gsi4', REP_CONTACTS, false],
    ['a sales rep by name', rep, { sort: 'name' }, 'gsi5', REP_CONTACTS, true],
    ['a sales rep by creation', rep, { sort: 'created' }, 'gsi6', REP_CONTACTS, false],
    ['an admin', admin, {}, 'gsi1', 'CONTACT', false],
    ['an admin by name', admin, { sort: 'name' }, 'gsi2', 'CONTACT', true],
    ['an admin by creation', admin, { sort: 'created' }, 'gsi3', 'CONTACT', false],
    ['a manager', aManager(), {}, 'gsi10', 'CONTACT#TEAM#team-east', false],
    ['a manager by name', aManager(), { sort: 'name' }, 'gsi11', 'CONTACT#TEAM#team-east', true],
    [
      'a manager by creation (recently updated)',
      aManager(),
      { sort: 'created' },
      'gsi10',
      'CONTACT#TEAM#team-east',
      false,
    ],
    [
      'a manager of two teams, choosing one',
      aManager(['team-east', 'team-west']),
      { teamId: 'team-west' },
      'gsi10',
      'CONTACT#TEAM#team-west',
      false,
    ],
    ['support', aPrincipalWithRoles('support'), { sort: 'name' }, 'gsi2', 'CONTACT', true],
  ])('reads the contacts of %s from the right index', (_who, principal, query, index, pk, forward) => {
    expect(plan('contact', query, principal)).toEqual({ source: { index, pk }, filters: [], forward });
  });

  it.each<[string, Principal, Partial<ListQuery>]>([
    ['a team that is not theirs', aManager(['team-east']), { teamId: 'team-west' }],
    ['no team at all', aManager([]), {}],
  ])('gives a manager an empty list for %s, reading nothing', (_case, principal, query) => {
    expect(planList('contact', aListQuery(query), principal)).toBe('empty');
  });

  it("searches a manager's team by name prefix on the team name index", () => {
    expect(plan('contact', { q: 'Ann' }, aManager()).source).toEqual({
      index: 'gsi11',
      pk: 'CONTACT#TEAM#team-east',
      skPrefix: 'ann',
    });
  });

  it("keeps a manager's e-mail search to their team with a team filter", () => {
    expect(plan('contact', { q: 'ann@' }, aManager()).filters).toContainEqual({
      attribute: 'teamId',
      op: 'eq',
      value: 'team-east',
    });
  });

  it("reads a sales rep's companies from the company owner index", () => {
    expect(plan('company', {}, rep).source).toEqual({ index: 'gsi4', pk: `COMPANY#OWNER#${SALES_REP_ID}` });
  });

  it('reads all companies for an admin', () => {
    expect(plan('company', { sort: 'name' }, admin).source).toEqual({ index: 'gsi2', pk: 'COMPANY' });
  });

  it.each<[Partial<ListQuery>, boolean]>([
    [{ sort: 'updated', order: 'asc' }, true],
    [{ sort: 'created', order: 'asc' }, true],
    [{ sort: 'name', order: 'desc' }, false],
    [{ sort: 'name', order: 'asc' }, true],
    [{ sort: 'updated', order: 'desc' }, false],
  ])('lets the order in %j decide the direction (forward: %s)', (query, forward) => {
    expect(plan('contact', query, admin).forward).toBe(forward);
  });

  it("reads one owner's records from the owner index when an admin filters by owner", () => {
    expect(plan('contact', { ownerId: OTHER_SALES_REP_ID }, admin)).toEqual({
      source: { index: 'gsi4', pk: `CONTACT#OWNER#${OTHER_SALES_REP_ID}` },
      filters: [],
      forward: false,
    });
  });

  it('lets a sales rep filter by their own id', () => {
    expect(plan('contact', { ownerId: SALES_REP_ID }, rep).source).toEqual({ index: 'gsi4', pk: REP_CONTACTS });
  });

  it.each<[RecordKind, Partial<ListQuery>]>([
    ['contact', {}],
    ['contact', { view: 'deleted' }],
    ['contact', { q: 'ann' }],
    ['contact', { q: 'ann@x.com' }],
    ['contact', { companyId: 'co-1' }],
    ['company', {}],
  ])("answers 'empty' when a sales rep asks for another owner's %s list %j", (kind, query) => {
    expect(planList(kind, aListQuery({ ...query, ownerId: OTHER_SALES_REP_ID }), rep)).toBe('empty');
  });

  it('turns tag, lifecycle stage and tier into filters', () => {
    const { filters } = plan('contact', { tag: 'vip', lifecycleStage: 'lead', tier: 'gold' }, admin);

    expect(filters).toEqual([
      { attribute: 'tags', op: 'contains', value: 'vip' },
      { attribute: 'lifecycleStage', op: 'eq', value: 'lead' },
      { attribute: 'tier', op: 'eq', value: 'gold' },
    ]);
  });
});

describe('planList: search', () => {
  it('searches contacts by e-mail prefix when q has an @', () => {
    expect(plan('contact', { q: 'Ann@North' }, admin)).toEqual({
      source: { index: 'gsi8', pk: 'CONTACT#EMAIL', skPrefix: 'ann@north' },
      filters: [],
      forward: true,
    });
  });

  it("keeps a sales rep's e-mail search to their own contacts with a filter", () => {
    expect(plan('contact', { q: 'ann@' }, rep).filters).toEqual([ownedBy(SALES_REP_ID)]);
  });

  it.each([
    ['+86 138 0013', '1380013'],
    ['138-0013', '1380013'],
    ['(415) 555', '415555'],
    ['0207946', '207946'],
  ])('searches contacts by phone digits when q %j looks like a phone number', (q, digits) => {
    expect(plan('contact', { q }, admin)).toEqual({
      source: { index: 'gsi9', pk: 'CONTACT#PHONE', skPrefix: digits },
      filters: [],
      forward: true,
    });
  });

  it("keeps a sales rep's phone search to their own contacts with a filter", () => {
    expect(plan('contact', { q: '+1 415' }, rep).filters).toEqual([ownedBy(SALES_REP_ID)]);
  });

  it.each(['Ann', '张', 'Ann.Lee', '12'])('searches contact names by prefix for q %j', (q) => {
    const { source } = plan('contact', { q }, admin);

    expect(source).toMatchObject({ index: 'gsi2', pk: 'CONTACT' });
  });

  it('folds the name prefix like stored names', () => {
    expect(plan('contact', { q: 'ＡＮＮ  Lee' }, admin).source.skPrefix).toBe('ann lee');
  });

  it("searches a sales rep's names on their own index, without a filter", () => {
    expect(plan('contact', { q: 'Ann', sort: 'updated' }, rep)).toEqual({
      source: { index: 'gsi5', pk: REP_CONTACTS, skPrefix: 'ann' },
      filters: [],
      forward: true,
    });
  });

  it('searches companies by domain prefix when q has a dot', () => {
    expect(plan('company', { q: 'Example.co' }, rep)).toEqual({
      source: { index: 'gsi8', pk: 'COMPANY#DOMAIN', skPrefix: 'example.co' },
      filters: [ownedBy(SALES_REP_ID)],
      forward: true,
    });
  });

  it('searches company names, never phones, when q is all digits', () => {
    expect(plan('company', { q: '360' }, admin).source).toEqual({ index: 'gsi2', pk: 'COMPANY', skPrefix: '360' });
  });

  it("searches within one company's contacts with a filter", () => {
    expect(plan('contact', { q: 'Ann', companyId: 'co-1' }, admin).filters).toEqual([
      { attribute: 'companyId', op: 'eq', value: 'co-1' },
    ]);
  });

  it('keeps the other filters when searching', () => {
    expect(plan('contact', { q: 'ann@', tag: 'vip' }, rep).filters).toEqual([
      { attribute: 'tags', op: 'contains', value: 'vip' },
      ownedBy(SALES_REP_ID),
    ]);
  });
});

describe("planList: a company's contacts", () => {
  it("reads a company's contacts by name from gsi7", () => {
    expect(plan('contact', { companyId: 'co-1' }, admin)).toEqual({
      source: { index: 'gsi7', pk: 'COMPANY#co-1#CONTACT' },
      filters: [],
      forward: true,
    });
  });

  it('keeps a sales rep to their own contacts of a company with a filter', () => {
    expect(plan('contact', { companyId: 'co-1' }, rep).filters).toEqual([ownedBy(SALES_REP_ID)]);
  });

  it("filters a company's contacts by owner when an admin asks for one", () => {
    expect(plan('contact', { companyId: 'co-1', ownerId: OTHER_SALES_REP_ID }, admin).filters).toEqual([
      ownedBy(OTHER_SALES_REP_ID),
    ]);
  });
});

describe('planList: the trash', () => {
  it('reads deleted contacts from the trash, most recently deleted first', () => {
    expect(plan('contact', { view: 'deleted' }, admin)).toEqual({
      source: { index: 'gsi1', pk: 'CONTACT#DELETED' },
      filters: [],
      forward: false,
    });
  });

  it('keeps a sales rep to their own deleted records with a filter', () => {
    expect(plan('company', { view: 'deleted' }, rep)).toEqual({
      source: { index: 'gsi1', pk: 'COMPANY#DELETED' },
      filters: [ownedBy(SALES_REP_ID)],
      forward: false,
    });
  });

  it('filters the trash by owner and company when asked', () => {
    expect(plan('contact', { view: 'deleted', ownerId: OTHER_SALES_REP_ID, companyId: 'co-1' }, admin).filters).toEqual(
      [ownedBy(OTHER_SALES_REP_ID), { attribute: 'companyId', op: 'eq', value: 'co-1' }],
    );
  });

  it('lists the trash newest first even when sorted by name', () => {
    expect(plan('contact', { view: 'deleted', sort: 'name' }, admin).forward).toBe(false);
  });
});
