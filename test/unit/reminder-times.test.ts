import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { replaceReminders, upcoming } from '../../shared/db/reminders.js';
import { kindsFor, NOTIFYING_EVENTS, wantsEmail } from '../../shared/domain/notifications/kinds.js';
import {
  dateInZone,
  dayReminderDueAt,
  daysBefore,
  instantReminderDueAt,
  zonedInstant,
} from '../../shared/domain/notifications/reminder-times.js';

process.env.TABLE_NAME ??= 'unit-table';

describe('day reminders of a contract ending 2026-03-31 (offsets 30/7/1 days at 09:00)', () => {
  it.each([
    ['30d', 'UTC', '2026-03-01T09:00:00.000Z'],
    ['7d', 'UTC', '2026-03-24T09:00:00.000Z'],
    ['1d', 'UTC', '2026-03-30T09:00:00.000Z'],
    ['30d', 'Asia/Shanghai', '2026-03-01T01:00:00.000Z'],
    ['7d', 'Asia/Shanghai', '2026-03-24T01:00:00.000Z'],
    // New York springs forward on 2026-03-08: EST (−5) before, EDT (−4) after.
    ['30d', 'America/New_York', '2026-03-01T14:00:00.000Z'],
    ['7d', 'America/New_York', '2026-03-24T13:00:00.000Z'],
    // Berlin springs forward on 2026-03-29: CET (+1) before, CEST (+2) after.
    ['7d', 'Europe/Berlin', '2026-03-24T08:00:00.000Z'],
    ['1d', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
  ])('%s in %s is due at %s', (offset, zone, due) => {
    expect(dayReminderDueAt('2026-03-31', offset, zone)).toBe(due);
  });

  it('counts back across month ends and leap days', () => {
    expect(daysBefore('2026-03-01', 1)).toBe('2026-02-28');
    expect(daysBefore('2028-03-01', 1)).toBe('2028-02-29');
    expect(daysBefore('2026-01-05', 30)).toBe('2025-12-06');
    expect(daysBefore('2026-03-31', 0)).toBe('2026-03-31');
  });

  it('moves a wall time skipped by DST forward, and takes the first of a repeated one', () => {
    // 02:30 does not exist in New York on 2026-03-08; the clock reads 03:30 EDT.
    expect(zonedInstant('2026-03-08', 2, 30, 'America/New_York').toISOString()).toBe('2026-03-08T07:30:00.000Z');
    // 01:30 happens twice on 2026-11-01; the first is EDT (−4).
    expect(zonedInstant('2026-11-01', 1, 30, 'America/New_York').toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('reads today in a zone, not in UTC', () => {
    const instant = new Date('2026-03-31T20:00:00.000Z');
    expect(dateInZone(instant, 'UTC')).toBe('2026-03-31');
    expect(dateInZone(instant, 'Asia/Shanghai')).toBe('2026-04-01');
  });

  it('puts an instant reminder its offset before the due time', () => {
    expect(instantReminderDueAt('2026-03-31T14:00:00.000Z', '15m')).toBe('2026-03-31T13:45:00.000Z');
    expect(instantReminderDueAt('2026-03-31T14:00:00.000Z', '2h')).toBe('2026-03-31T12:00:00.000Z');
  });
});

describe('replacing reminders', () => {
  const spec = (offset: string, dueAt: string) => ({ offset, dueAt, event: 'contract.expiring' });

  it('leaves unchanged reminders alone, so an edit does not re-arm one that fired', () => {
    const items = replaceReminders('contract', 'c1', [spec('7d', 'A')], [spec('7d', 'A')], 'u1', 'C');
    expect(items).toEqual([]);
  });

  it('deletes dropped offsets and puts moved or new ones, one operation per reminder', () => {
    const items = replaceReminders(
      'contract',
      'c1',
      [spec('30d', 'A'), spec('7d', 'B')],
      [spec('7d', 'B2'), spec('1d', 'C')],
      'u1',
      'C',
    );
    expect(items.map((i) => (i.Delete ? `delete ${i.Delete.Key?.sk}` : `put ${i.Put?.Item?.sk}`))).toEqual([
      'delete REMINDER#30d',
      'put REMINDER#7d',
      'put REMINDER#1d',
    ]);
    expect(items[1]!.Put!.Item!.gsi3sk).toBe('B2#CONTRACT#c1#7d');
  });

  it('keeps only reminders still ahead', () => {
    const now = new Date('2026-03-20T00:00:00.000Z');
    const specs = [spec('30d', '2026-03-01T09:00:00.000Z'), spec('7d', '2026-03-24T09:00:00.000Z')];
    expect(upcoming(specs, now).map((s) => s.offset)).toEqual(['7d']);
  });
});

describe('the notification registry', () => {
  it('is what the manifest rule subscribes the notifier to', () => {
    const rule = manifest.rules.find((r) => r.function === 'notifier');
    expect([...(rule?.pattern.detailType ?? [])].sort()).toEqual([...NOTIFYING_EVENTS].sort());
  });

  it('never notifies the actor of their own assignment', () => {
    const [kind] = kindsFor('deal.assigned');
    const e = {
      id: 'e',
      entity: 'deal',
      entityId: 'd',
      entityName: 'D',
      at: '',
      actor: { id: 'u1', name: 'A' },
      changes: [{ field: 'ownerId', before: 'u0', after: 'u1' }],
    };
    expect(kind!.recipients(e)).toEqual([]);
    expect(kind!.recipients({ ...e, actor: { id: 'boss', name: 'B' } })).toEqual(['u1']);
  });

  it('sends e-mail unless the kind is switched off', () => {
    expect(wantsEmail(undefined, 'task.due')).toBe(true);
    expect(wantsEmail({ email: { 'task.due': false } }, 'task.due')).toBe(false);
    expect(wantsEmail({ email: { 'task.due': false } }, 'contract.expiring')).toBe(true);
  });
});
