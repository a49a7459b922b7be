import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, type BusinessHours } from '../../shared/domain/service/business-time.js';
import {
  matchingPolicy,
  policyMatches,
  raisedPriority,
  type SlaSubject,
  slaPolicyCreate,
} from '../../shared/domain/service/sla-policy.schema.js';
import { applySla, type SlaEvent, type SlaState } from '../../shared/domain/service/sla-ticket.js';
import { dueNotice, nextCheckAt, type TimerSettings } from '../../shared/domain/service/sla-timers.js';

/** Shanghai, Mon–Fri 09:00–18:00; instants written in local time (UTC+8, no DST). */
const office: BusinessHours = {
  timeZone: 'Asia/Shanghai',
  hours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from: '09:00', to: '18:00' })),
  holidays: [],
};
const cst = (local: string) => new Date(`${local}:00+08:00`);
const at = (local: string) => cst(local).toISOString();
const settings: TimerSettings = { calendar: office, warningPercent: 80 };
const fresh = (targets: SlaState['targets'], pauseOnHold = false): SlaState => ({ targets, pauseOnHold, timers: {} });

function run(state: SlaState, ...events: SlaEvent[]): SlaState {
  return events.reduce((s, e) => applySla(settings, s, e), state);
}

describe('SLA timers of a ticket', () => {
  const targets = { firstResponse: 60, nextResponse: 120, resolution: 480 };

  it('starts first response and resolution at creation, due in business time', () => {
    // Monday 2026-12-07 17:30: 30 minutes left today, so a 60-minute first response is due Tuesday 09:30.
    const s = run(fresh(targets), { kind: 'created', at: cst('2026-12-07T17:30') });
    expect(s.timers.firstResponse).toMatchObject({ dueAt: at('2026-12-08T09:30'), warnAt: at('2026-12-08T09:18') });
    expect(s.timers.resolution?.dueAt).toBe(at('2026-12-08T16:30'));
    expect(s.timers.nextResponse).toBeUndefined();
  });

  it('meets first response with the first agent reply and records business minutes', () => {
    const s = run(
      fresh(targets),
      { kind: 'created', at: cst('2026-12-07T17:30') },
      { kind: 'agentReply', at: cst('2026-12-08T09:10') },
    );
    expect(s.timers.firstResponse).toMatchObject({ stoppedAt: at('2026-12-08T09:10'), elapsedMinutes: 40 });
    expect(dueNotice(s.timers.firstResponse!, cst('2026-12-09T12:00'))).toBeUndefined();
  });

  it('runs next response from the oldest unanswered customer message to the next agent reply', () => {
    const s = run(
      fresh(targets),
      { kind: 'created', at: cst('2026-12-07T10:00') },
      { kind: 'customerMessage', at: cst('2026-12-07T10:05') }, // before the first reply: covered by it
      { kind: 'agentReply', at: cst('2026-12-07T10:30') },
      { kind: 'customerMessage', at: cst('2026-12-07T11:00') },
      { kind: 'customerMessage', at: cst('2026-12-07T11:30') }, // still the 11:00 one that waits
    );
    expect(s.timers.nextResponse).toMatchObject({ startedAt: at('2026-12-07T11:00'), dueAt: at('2026-12-07T13:00') });
    const answered = run(s, { kind: 'agentReply', at: cst('2026-12-07T12:00') });
    expect(answered.timers.nextResponse).toMatchObject({ stoppedAt: at('2026-12-07T12:00'), elapsedMinutes: 60 });
  });

  it('pauses on pending, keeps the due time, and pushes it by the business time paused on resume', () => {
    const created = run(fresh(targets), { kind: 'created', at: cst('2026-12-07T09:00') });
    const pending = run(created, { kind: 'status', to: 'pending', at: cst('2026-12-07T10:00') });
    expect(pending.timers.resolution).toMatchObject({
      pausedAt: at('2026-12-07T10:00'),
      dueAt: at('2026-12-07T17:00'),
    });
    // A paused timer never warns or breaches.
    expect(dueNotice(pending.timers.resolution!, cst('2026-12-09T09:00'))).toBeUndefined();
    expect(nextCheckAt(pending.timers)).toBeUndefined();
    // Resumed next morning at 10:00: 9 business hours were paused (10:00–18:00, then 09:00–10:00).
    const open = run(pending, { kind: 'status', to: 'open', at: cst('2026-12-08T10:00') });
    expect(open.timers.resolution).toMatchObject({ pausedMinutes: 540, dueAt: at('2026-12-08T17:00') });
    expect(open.timers.resolution?.pausedAt).toBeUndefined();
  });

  it('pauses on-hold only when the policy says so', () => {
    const created = (pauseOnHold: boolean) =>
      run(
        fresh(targets, pauseOnHold),
        { kind: 'created', at: cst('2026-12-07T09:00') },
        {
          kind: 'status',
          to: 'on-hold',
          at: cst('2026-12-07T10:00'),
        },
      );
    expect(created(true).timers.resolution?.pausedAt).toBe(at('2026-12-07T10:00'));
    expect(created(false).timers.resolution?.pausedAt).toBeUndefined();
  });

  it('takes the resolution figure at solve; a reopen resumes the same clock, never resets it', () => {
    const solved = run(
      fresh(targets),
      { kind: 'created', at: cst('2026-12-07T09:00') },
      { kind: 'agentReply', at: cst('2026-12-07T09:30') },
      { kind: 'status', to: 'solved', at: cst('2026-12-07T11:00') },
    );
    expect(solved.timers.resolution).toMatchObject({ elapsedMinutes: 120, pausedAt: at('2026-12-07T11:00') });
    const reopened = run(
      solved,
      { kind: 'customerMessage', at: cst('2026-12-07T14:00') },
      { kind: 'status', to: 'open', at: cst('2026-12-07T14:00') },
    );
    expect(reopened.timers.resolution).toMatchObject({ startedAt: at('2026-12-07T09:00'), pausedMinutes: 180 });
    expect(reopened.timers.nextResponse?.startedAt).toBe(at('2026-12-07T14:00'));
    const again = run(reopened, { kind: 'status', to: 'solved', at: cst('2026-12-07T15:00') });
    expect(again.timers.resolution?.elapsedMinutes).toBe(180);
  });

  it('stops every timer at close: the unmet response without a figure', () => {
    const closed = run(
      fresh(targets),
      { kind: 'created', at: cst('2026-12-07T09:00') },
      { kind: 'status', to: 'closed', at: cst('2026-12-07T10:00') },
    );
    expect(closed.timers.firstResponse).toMatchObject({ stoppedAt: at('2026-12-07T10:00') });
    expect(closed.timers.firstResponse?.elapsedMinutes).toBeUndefined();
    expect(closed.timers.resolution).toMatchObject({ stoppedAt: at('2026-12-07T10:00'), elapsedMinutes: 60 });
  });

  it('recomputes due times on a priority change, from the same start', () => {
    const created = run(fresh(targets), { kind: 'created', at: cst('2026-12-07T09:00') });
    const urgent = run(created, {
      kind: 'targets',
      targets: { firstResponse: 15, resolution: 120 },
      pauseOnHold: false,
      at: cst('2026-12-07T09:05'),
    });
    expect(urgent.timers.firstResponse?.dueAt).toBe(at('2026-12-07T09:15'));
    expect(urgent.timers.resolution?.dueAt).toBe(at('2026-12-07T11:00'));
    // A target the new policy drops ends that timer.
    const dropped = run(urgent, {
      kind: 'targets',
      targets: { resolution: 120 },
      pauseOnHold: false,
      at: cst('2026-12-07T09:06'),
    });
    expect(dropped.timers.firstResponse?.stoppedAt).toBe(at('2026-12-07T09:06'));
  });

  it('warns at the threshold, then breaches at the due time, each once', () => {
    const s = run(fresh({ firstResponse: 100 }), { kind: 'created', at: cst('2026-12-07T09:00') });
    const timer = s.timers.firstResponse!;
    expect(nextCheckAt(s.timers)).toBe(at('2026-12-07T10:20'));
    expect(dueNotice(timer, cst('2026-12-07T10:19'))).toBeUndefined();
    expect(dueNotice(timer, cst('2026-12-07T10:20'))).toBe('warning');
    const warned = { ...timer, warnedAt: at('2026-12-07T10:20') };
    expect(dueNotice(warned, cst('2026-12-07T10:30'))).toBeUndefined();
    expect(nextCheckAt({ firstResponse: warned })).toBe(at('2026-12-07T10:40'));
    expect(dueNotice(warned, cst('2026-12-07T10:40'))).toBe('breach');
    // Past both at once (a sweep that ran late): the breach, not a stale warning.
    expect(dueNotice(timer, cst('2026-12-08T09:00'))).toBe('breach');
    expect(dueNotice({ ...warned, breachedAt: at('2026-12-07T10:40') }, cst('2026-12-08T09:00'))).toBeUndefined();
  });

  it('runs 24×7 without a calendar', () => {
    const s = applySla({ calendar: ALWAYS_OPEN, warningPercent: 80 }, fresh({ resolution: 600 }), {
      kind: 'created',
      at: new Date('2026-12-05T20:00:00Z'),
    });
    expect(s.timers.resolution?.dueAt).toBe('2026-12-06T06:00:00.000Z');
  });
});

describe('SLA policies', () => {
  const ticket: SlaSubject = { priority: 'high', channel: 'email', tags: ['vip', 'billing'], tier: 'gold' };

  it('matches when every condition given holds (any of a list), and always without conditions', () => {
    expect(policyMatches({}, ticket)).toBe(true);
    expect(policyMatches({ priorities: ['urgent', 'high'], channels: ['email'] }, ticket)).toBe(true);
    expect(policyMatches({ priorities: ['urgent'] }, ticket)).toBe(false);
    expect(policyMatches({ tags: ['vip'] }, ticket)).toBe(true);
    expect(policyMatches({ tags: ['sales'] }, ticket)).toBe(false);
    expect(policyMatches({ companyIds: ['c1'] }, ticket)).toBe(false);
    expect(policyMatches({ tiers: ['gold', 'platinum'] }, ticket)).toBe(true);
  });

  it('applies the first matching policy in order', () => {
    const policies = [
      { id: 'default', position: 9, conditions: {} },
      { id: 'vip', position: 1, conditions: { tags: ['vip'] } },
      { id: 'phone', position: 0, conditions: { channels: ['phone' as const] } },
    ];
    expect(matchingPolicy(policies, ticket)?.id).toBe('vip');
    expect(matchingPolicy(policies, { ...ticket, tags: [] })?.id).toBe('default');
    expect(matchingPolicy([], ticket)).toBeUndefined();
  });

  it('raises a priority one step, urgent staying urgent', () => {
    expect(raisedPriority('low')).toBe('normal');
    expect(raisedPriority('high')).toBe('urgent');
    expect(raisedPriority('urgent')).toBe('urgent');
  });

  it('defaults the warning threshold to 80 % and refuses an unknown priority or a zero target', () => {
    const parsed = slaPolicyCreate.parse({ name: 'Default', targets: { normal: { firstResponse: 240 } } });
    expect(parsed).toMatchObject({ warningPercent: 80, pauseOnHold: false, conditions: {} });
    expect(slaPolicyCreate.safeParse({ name: 'x', targets: { critical: { firstResponse: 5 } } }).success).toBe(false);
    const zero = slaPolicyCreate.safeParse({ name: 'x', targets: { high: { resolution: 0 } } });
    expect(zero.error?.issues[0]?.path).toEqual(['targets', 'high', 'resolution']);
  });
});
