import { beforeAll, describe, expect, it } from 'vitest';
import type * as Activities from '../../shared/db/activities.repository.js';
import type * as Contracts from '../../shared/db/contracts.repository.js';
import type * as Records from '../../shared/db/customer-records.repository.js';
import type * as Deals from '../../shared/db/deals.repository.js';
import { INTERNAL_ATTRIBUTES, recordOf } from '../../shared/db/kit.js';
import type * as Quotas from '../../shared/db/quotas.repository.js';
import type * as Quotes from '../../shared/db/quotes.repository.js';
import type * as Tasks from '../../shared/db/tasks.repository.js';
import type * as Teams from '../../shared/db/teams.repository.js';
import type { Activity } from '../../shared/domain/work/activity.schema.js';
import { aStoredContact } from '../support/builders.js';

/**
 * Item ↔ API record: every entity's item, built by its repository exactly as it is written,
 * turns back into its record with not one storage attribute left (keys, index keys, type, TTL).
 */

let m: {
  activities: typeof Activities;
  contracts: typeof Contracts;
  records: typeof Records;
  deals: typeof Deals;
  quotas: typeof Quotas;
  quotes: typeof Quotes;
  tasks: typeof Tasks;
  teams: typeof Teams;
};

beforeAll(async () => {
  process.env.TABLE_NAME ??= 'test-table';
  m = {
    activities: await import('../../shared/db/activities.repository.js'),
    contracts: await import('../../shared/db/contracts.repository.js'),
    records: await import('../../shared/db/customer-records.repository.js'),
    deals: await import('../../shared/db/deals.repository.js'),
    quotas: await import('../../shared/db/quotas.repository.js'),
    quotes: await import('../../shared/db/quotes.repository.js'),
    tasks: await import('../../shared/db/tasks.repository.js'),
    teams: await import('../../shared/db/teams.repository.js'),
  };
});

const AT = '2026-03-01T10:00:00.000Z';
const base = { createdAt: AT, updatedAt: AT, version: 3 };

const aDeal = (over: Record<string, unknown> = {}) =>
  ({
    id: 'deal-1',
    name: 'Rollout',
    ownerId: 'user-1',
    teamId: 'team-1',
    pipelineId: 'pipe-1',
    stageId: 'stage-1',
    status: 'open',
    amount: 1000,
    currency: 'EUR',
    expectedCloseDate: '2026-04-01',
    companyId: 'company-1',
    contactIds: ['contact-1'],
    ...base,
    ...over,
  }) as unknown as Deals.DealWriteDependencies['deal'] & object;

const aTask = (over: Record<string, unknown> = {}) =>
  ({
    id: 'task-1',
    title: 'Call back',
    assigneeId: 'user-1',
    teamId: 'team-1',
    dueAt: AT,
    status: 'open',
    related: { entity: 'contact', id: 'contact-1' },
    reminders: [],
    ...base,
    ...over,
  }) as unknown as Tasks.StoredTask;

const anActivity = () =>
  ({
    id: 'act-1',
    kind: 'call',
    entity: 'contact',
    entityId: 'contact-1',
    occurredAt: AT,
    actor: { id: 'user-1', name: 'Rep' },
    note: 'Talked',
    ...base,
  }) as unknown as Activity;

const aContract = () =>
  ({
    id: 'contract-1',
    number: 'CT-000001',
    title: 'Support',
    status: 'active',
    ownerId: 'user-1',
    teamId: 'team-1',
    companyId: 'company-1',
    startDate: '2026-01-01',
    endDate: '2027-01-01',
    reminders: [],
    ...base,
  }) as unknown as Contracts.StoredContract;

/** [entity, item as written, the record the API shows, how the repository reads it back] */
const cases = (): [string, Record<string, unknown>, object, (item: Record<string, unknown>) => unknown][] => {
  const contact = aStoredContact() as Records.StoredRecord;
  const deletedContact = { ...contact, deletedAt: AT };
  const company = aStoredContact({
    id: 'company-1',
    name: 'Acme',
    domain: 'acme.test',
    teamId: 'team-1',
  }) as Records.StoredRecord;
  const product = { id: 'p-1', sku: 'SKU-1', name: 'Seat', active: true, unitPrice: 10, currency: 'EUR', ...base };
  const quote = { id: 'q-1', dealId: 'deal-1', number: 'Q-2026-0001', status: 'draft', lines: [], ...base };
  const quota = { userId: 'user-1', month: '2026-03', amount: 5000, currency: 'EUR', ...base };
  const team = { id: 'team-1', name: 'East', memberIds: ['user-1'], ...base };
  const task = aTask();
  const doneTask = aTask({ status: 'done', completedAt: AT });
  const { reminders: _t, ...apiTask } = task;
  const { reminders: _d, ...apiDoneTask } = doneTask;
  const contract = aContract();
  const { reminders: _c, ...apiContract } = contract;
  return [
    ['contact', m.records.recordItem('contact', contact), contact, m.records.toApi],
    ['deleted contact (TTL)', m.records.recordItem('contact', deletedContact), deletedContact, m.records.toApi],
    ['company', m.records.recordItem('company', company), company, m.records.toApi],
    ['deal', m.deals.dealItem(aDeal()), aDeal(), m.deals.dealFromItem],
    ['deleted deal (TTL)', m.deals.dealItem(aDeal({ deletedAt: AT })), aDeal({ deletedAt: AT }), m.deals.dealFromItem],
    ['task', m.tasks.taskItem(task), apiTask, m.tasks.toApiTask],
    ['done task', m.tasks.taskItem(doneTask), apiDoneTask, m.tasks.toApiTask],
    ['activity', m.activities.activityItem(anActivity()), anActivity(), m.activities.toApiActivity],
    [
      'contract',
      m.contracts.contractItem(contract),
      apiContract,
      (i) => m.contracts.stripReminders(m.contracts.contractFromItem(i)),
    ],
    ['product', m.quotes.productItem(product as never), product, (i) => recordOf(i)],
    ['quote', m.quotes.quoteItem(quote as never), quote, (i) => recordOf(i)],
    ['quota', m.quotas.quotaItem(quota as never), quota, (i) => recordOf(i)],
    ['team', m.teams.teamItem(team as never), team, (i) => recordOf(i)],
  ];
};

describe('item ↔ API record', () => {
  it('treats every index attribute of the table as internal', () => {
    for (let n = 1; n <= 11; n++) {
      expect(INTERNAL_ATTRIBUTES.has(`gsi${n}pk`)).toBe(true);
      expect(INTERNAL_ATTRIBUTES.has(`gsi${n}sk`)).toBe(true);
    }
    for (const a of ['pk', 'sk', 'type', 'expiresAt']) expect(INTERNAL_ATTRIBUTES.has(a)).toBe(true);
  });

  it('leaves no storage attribute on any entity’s record, and keeps every field of it', () => {
    for (const [entity, item, record, read] of cases()) {
      const added = Object.keys(item).filter((k) => !(k in record));
      // The sample really carries storage attributes (else the check below proves nothing).
      expect(added.length, entity).toBeGreaterThan(2);
      const out = read(item) as Record<string, unknown>;
      expect(
        Object.keys(out).filter((k) => INTERNAL_ATTRIBUTES.has(k) || !(k in record)),
        entity,
      ).toEqual([]);
      expect(out, entity).toEqual(record);
    }
  });

  it('drops the attributes a repository names as internal too', () => {
    expect(recordOf({ pk: 'p', sk: 's', id: 'x', reminders: [1] }, ['reminders'])).toEqual({ id: 'x' });
  });
});
