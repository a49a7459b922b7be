import { describe, expect, it } from 'vitest';
import { auditRecord } from '../../shared/db/audit.js';
import {
  ALL_INDEX_ATTRIBUTES,
  type AuditedEntity,
  auditActorSource,
  auditEntitySource,
  auditIndexKeys,
  auditLogSource,
  auditSource,
  auditTimeRange,
  keyAttributes,
  keys,
  type ListSource,
  listSource,
  liveIndexKeys,
  trashSource,
} from '../../shared/db/keys.js';
import { anIndexedContact, aPrincipal } from '../support/builders.js';

const AT = '2026-03-01T12:00:00.000Z';
const anAudit = (overrides: Partial<Parameters<typeof auditIndexKeys>[0]> = {}) => ({
  entity: 'contact' as AuditedEntity,
  actorId: 'u-1',
  at: AT,
  id: 'a-9',
  ...overrides,
});

describe('audit log index keys', () => {
  it('puts an audit record in the log of everything, of its entity type and of its actor', () => {
    expect(auditIndexKeys(anAudit())).toEqual({
      gsi1pk: 'AUDIT',
      gsi1sk: `${AT}#a-9`,
      gsi3pk: 'AUDIT#ENTITY#CONTACT',
      gsi3sk: `${AT}#a-9`,
      gsi4pk: 'AUDIT#ACTOR#u-1',
      gsi4sk: `${AT}#a-9`,
    });
  });

  it.each<[AuditedEntity, string]>([
    ['contact', 'AUDIT#ENTITY#CONTACT'],
    ['company', 'AUDIT#ENTITY#COMPANY'],
    ['customField', 'AUDIT#ENTITY#CUSTOM_FIELD'],
  ])('keeps %s changes in their own entity partition', (entity, pk) => {
    expect(auditIndexKeys(anAudit({ entity })).gsi3pk).toBe(pk);
  });

  it('sorts the same way in every index as in the record partition', () => {
    const attrs = auditIndexKeys(anAudit());
    const base = keys.audit('contact', 'c-1', AT, 'a-9');

    expect([attrs.gsi1sk, attrs.gsi3sk, attrs.gsi4sk]).toEqual([base.sk, base.sk, base.sk]);
  });

  it('reads each audit log source from the partition the record is written to', () => {
    const attrs: Record<string, string> = { ...auditIndexKeys(anAudit()), ...keys.audit('contact', 'c-1', AT, 'a-9') };

    for (const source of [
      auditLogSource,
      auditEntitySource('contact'),
      auditActorSource('u-1'),
      auditSource('contact', 'c-1'),
    ]) {
      expect(attrs[keyAttributes(source).pk], source.index).toBe(source.pk);
    }
  });

  it('only sets attributes the table declares', () => {
    for (const name of Object.keys(auditIndexKeys(anAudit()))) expect(ALL_INDEX_ATTRIBUTES).toContain(name);
  });

  it('never shares an index partition with a record, so no list of records shows an audit entry', () => {
    const audit = auditIndexKeys(anAudit({ actorId: 'u-1' }));
    const record = liveIndexKeys('contact', anIndexedContact({ ownerId: 'u-1' }));
    const recordSources: ListSource[] = [
      listSource('contact', 'updated'),
      listSource('contact', 'created'),
      listSource('contact', 'updated', 'u-1'),
      trashSource('contact'),
    ];

    for (const [name, value] of Object.entries(audit)) {
      if (name.endsWith('pk')) expect(record[name]).not.toBe(value);
    }
    for (const source of recordSources) expect(audit[keyAttributes(source).pk as 'gsi1pk']).not.toBe(source.pk);
  });
});

describe('auditRecord', () => {
  it('writes the audit record with its log index keys, keyed in its record partition', () => {
    const record = auditRecord({
      kind: 'company',
      entityId: 'co-1',
      entityName: 'Northwind',
      action: 'updated',
      actor: aPrincipal({ userId: 'u-7', name: 'Avery Chen' }),
      changes: [{ field: 'tier', before: 'gold', after: 'platinum' }],
      at: AT,
    });

    expect(record).toMatchObject({
      pk: 'AUDIT#COMPANY#co-1',
      sk: `${AT}#${record.id}`,
      ...auditIndexKeys({ entity: 'company', actorId: 'u-7', at: AT, id: record.id }),
      actor: { id: 'u-7', name: 'Avery Chen' },
    });
  });
});

describe('auditTimeRange', () => {
  it('is no range without bounds', () => {
    expect(auditTimeRange(undefined, undefined)).toBeUndefined();
  });

  it('starts at the first instant and ends after every id made in the last one', () => {
    const range = auditTimeRange('2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z');

    expect(range).toEqual({ from: '2026-03-01T00:00:00.000Z', to: '2026-03-31T23:59:59.999Z#~' });
  });

  it.each([
    ['a change at the first instant', '2026-03-01T00:00:00.000Z', true],
    ['a change at the last instant', '2026-03-31T23:59:59.999Z', true],
    ['a change in between', '2026-03-15T08:00:00.000Z', true],
    ['a change a millisecond early', '2026-02-28T23:59:59.999Z', false],
    ['a change a millisecond late', '2026-04-01T00:00:00.000Z', false],
  ])('holds %s: %s', (_what, at, inside) => {
    const range = auditTimeRange('2026-03-01T00:00:00.000Z', '2026-03-31T23:59:59.999Z')!;
    const sk = keys.audit('contact', 'c-1', at, '0f8fad5b-d9cb-469f-a165-70867728950e').sk;

    expect(sk >= range.from! && sk <= range.to!).toBe(inside);
  });

  it('leaves either end open', () => {
    expect(auditTimeRange('2026-03-01T00:00:00.000Z', undefined)).toEqual({ from: '2026-03-01T00:00:00.000Z' });
    expect(auditTimeRange(undefined, '2026-03-01T00:00:00.000Z')).toEqual({ to: '2026-03-01T00:00:00.000Z#~' });
  });
});
