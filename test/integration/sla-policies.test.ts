import { describe, expect, it } from 'vitest';
import type { Listed } from '../support/runtime.js';
import { setUpRuntime } from '../support/set-up-runtime.js';

/** SLA policies through the API: ordered, referencing a calendar and a team, versioned, audited. */
type Policy = { id: string; name: string; position: number; version: number; calendarId?: string };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const env = setUpRuntime();
const { admin, manager } = env;
const support = env.as('support@cirrus.local');

const calendarBody = {
  name: 'Shanghai office',
  timeZone: 'Asia/Shanghai',
  hours: [{ day: 'mon', from: '09:00', to: '18:00' }],
};

describe('SLA policies', () => {
  it('creates policies in evaluation order with defaults, on an existing calendar, each audited', async () => {
    const calendar = await admin.post<{ id: string }>('/api/business-calendars', calendarBody);
    const vip = await admin.post<Policy & { warningPercent: number }>('/api/sla-policies', {
      name: 'VIP customers',
      conditions: { tags: ['vip'], priorities: ['urgent', 'high'] },
      calendarId: calendar.body.id,
      targets: { urgent: { firstResponse: 15, resolution: 240 }, high: { firstResponse: 60 } },
      breachActions: { raisePriority: true, moveToTeamId: 'team-east' },
    });
    expect(vip.status, JSON.stringify(vip.body)).toBe(201);
    expect(vip.body).toMatchObject({ position: 0, version: 1, warningPercent: 80, pauseOnHold: false });
    const fallback = await admin.post<Policy>('/api/sla-policies', {
      name: 'Everyone else',
      targets: { normal: { firstResponse: 480, resolution: 2400 } },
    });
    expect(fallback.body.position).toBe(1);
    const listed = await support.get<Listed<Policy>>('/api/sla-policies');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p) => p.name)).toEqual(['VIP customers', 'Everyone else']);
    const audit = await admin.get<Listed<{ action: string }>>(`/api/audit?entity=slaPolicy&entityId=${vip.body.id}`);
    expect(audit.body.items.map((a) => a.action)).toEqual(['created']);
  });

  it('names an unknown calendar or team, and a bad target, with 400 and writes nothing', async () => {
    const before = (await admin.get<Listed<Policy>>('/api/sla-policies')).body.items.length;
    const unknown = await admin.post<ErrorBody>('/api/sla-policies', {
      name: 'Nowhere',
      calendarId: 'no-such-calendar',
      targets: { low: { resolution: 60 } },
      breachActions: { moveToTeamId: 'no-such-team' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({
      calendarId: 'Unknown business calendar',
      'breachActions.moveToTeamId': 'Unknown team',
    });
    const zero = await admin.post<ErrorBody>('/api/sla-policies', {
      name: 'Zero',
      targets: { low: { resolution: 0 } },
    });
    expect(zero.status).toBe(400);
    expect(Object.keys(zero.body.error.fields ?? {})).toEqual(['targets.low.resolution']);
    expect((await admin.get<Listed<Policy>>('/api/sla-policies')).body.items.length).toBe(before);
  });

  it('moves a policy first and back to 24×7 on its version; stale 409; deletes it', async () => {
    const made = await admin.post<Policy>('/api/sla-policies', {
      name: 'Phone line',
      targets: { high: { firstResponse: 5 } },
    });
    const path = `/api/sla-policies/${made.body.id}`;
    const first = await admin.patch<Policy>(path, { position: 0, conditions: { channels: ['phone'] }, version: 1 });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.version).toBe(2);
    const ordered = (await admin.get<Listed<Policy>>('/api/sla-policies')).body.items;
    expect(ordered.map((p) => [p.name, p.position])).toEqual([
      ['Phone line', 0],
      ['VIP customers', 1],
      ['Everyone else', 2],
    ]);
    // The policies it moved ahead of shifted on their own versions, each audited.
    expect(ordered[1]?.version).toBe(2);
    const shifted = await admin.get<Listed<{ changes: { field: string }[] }>>(
      `/api/audit?entity=slaPolicy&entityId=${ordered[1]!.id}&action=updated`,
    );
    expect(shifted.body.items[0]?.changes.map((c) => c.field)).toEqual(['position']);
    const allDay = await admin.patch<Policy>(path, { calendarId: null, version: 2 });
    expect(allDay.status).toBe(200);
    expect(allDay.body.calendarId).toBeUndefined();
    expect((await admin.patch<ErrorBody>(path, { name: 'Late', version: 1 })).status).toBe(409);
    expect((await admin.delete(path)).status).toBe(204);
    expect((await admin.get<ErrorBody>(path)).body.error.code).toBe('slaPolicy.not_found');
  });

  it('lets managers and support read but not write', async () => {
    expect((await manager.get('/api/sla-policies')).status).toBe(200);
    expect((await manager.post('/api/sla-policies', { name: 'x', targets: {} })).status).toBe(403);
    expect((await support.post('/api/sla-policies', { name: 'x', targets: {} })).status).toBe(403);
  });
});
