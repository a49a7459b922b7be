import { describe, expect, it } from 'vitest';
import { auditSource } from '../../shared/db/keys.js';
import { queryPage } from '../../shared/db/query.js';
import type { Listed } from '../support/runtime.js';
import { setUpRuntime } from '../support/set-up-runtime.js';

/**
 * Business calendars through the API, exactly as the issue names it: create, read, list, a
 * versioned PATCH, and the due preview in business minutes.
 */
type Calendar = { id: string; name: string; timeZone: string; version: number; hours: unknown[]; holidays: unknown[] };
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const env = setUpRuntime();
const { admin, sales1 } = env;
const support = env.as('support@cirrus.local');

const shanghaiOffice = {
  name: 'Shanghai office',
  timeZone: 'Asia/Shanghai',
  hours: (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({ day, from: '09:00', to: '17:00' })),
  holidays: [{ date: '2026-10-01', name: '国庆节' }],
};

async function created(): Promise<Calendar> {
  const res = await admin.post<Calendar>('/api/business-calendars', shanghaiOffice);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

describe('business calendars', () => {
  it('creates a calendar (201 with id), reads it back and lists it, with its audit record', async () => {
    const calendar = await created();
    expect(calendar).toMatchObject({ ...shanghaiOffice, version: 1 });
    expect(calendar.id).toEqual(expect.any(String));
    expect((await admin.get<Calendar>(`/api/business-calendars/${calendar.id}`)).body).toEqual(calendar);
    const listed = await support.get<Listed<Calendar>>('/api/business-calendars');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((c) => c.id)).toContain(calendar.id);
    expect(JSON.stringify(listed.body)).not.toMatch(/gsi2pk|"pk"/);
    const audit = await queryPage<{ action: string }>(auditSource('businessCalendar', calendar.id), {
      limit: 5,
      forward: false,
    });
    expect(audit.items.map((a) => a.action)).toEqual(['created']);
  });

  it('answers the due instant in business minutes: Fri 17:30 + 90 minutes is Mon 10:30', async () => {
    const { id } = await created();
    const from = encodeURIComponent('2026-12-04T17:30:00+08:00');
    const res = await support.get<{ due: string }>(`/api/business-calendars/${id}/due?from=${from}&minutes=90`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ due: '2026-12-07T02:30:00.000Z' });
    // Across the National Day holiday (Thursday 2026-10-01): Wednesday 16:30 + 60 is Friday 09:30.
    const beforeHoliday = encodeURIComponent('2026-09-30T16:30:00+08:00');
    const holiday = await support.get<{ due: string }>(
      `/api/business-calendars/${id}/due?from=${beforeHoliday}&minutes=60`,
    );
    expect(holiday.body).toEqual({ due: '2026-10-02T01:30:00.000Z' });
  });

  it('runs the clock on an extra working day (调休): Fri 17:30 + 90 minutes is that Saturday 10:30', async () => {
    const res = await admin.post<Calendar>('/api/business-calendars', {
      ...shanghaiOffice,
      workdays: [{ date: '2026-12-05', from: '09:00', to: '12:00' }],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const from = encodeURIComponent('2026-12-04T17:30:00+08:00');
    const due = await support.get<{ due: string }>(
      `/api/business-calendars/${res.body.id}/due?from=${from}&minutes=90`,
    );
    expect(due.body).toEqual({ due: '2026-12-05T02:30:00.000Z' });
  });

  it('refuses overlapping windows and a bad date with 400 naming the field, and writes nothing', async () => {
    const overlapping = await admin.post<ErrorBody>('/api/business-calendars', {
      ...shanghaiOffice,
      hours: [
        { day: 'mon', from: '09:00', to: '12:00' },
        { day: 'mon', from: '11:00', to: '18:00' },
      ],
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.error.code).toBe('request.validation_failed');
    expect(overlapping.body.error.fields).toEqual({ 'hours.1.from': 'Overlaps mon 09:00–12:00' });
    const badDate = await admin.post<ErrorBody>('/api/business-calendars', {
      ...shanghaiOffice,
      holidays: [{ date: '2026-02-30', name: 'Nope' }],
    });
    expect(badDate.status).toBe(400);
    expect(Object.keys(badDate.body.error.fields ?? {})).toEqual(['holidays.0.date']);
    const names = (await admin.get<Listed<Calendar>>('/api/business-calendars?limit=200')).body.items.map(
      (c) => c.name,
    );
    expect(names.every((n) => n === shanghaiOffice.name)).toBe(true);
  });

  it('edits on the version read: stale 409, missing 428, overlapping 400', async () => {
    const calendar = await created();
    const path = `/api/business-calendars/${calendar.id}`;
    const edited = await admin.patch<Calendar>(path, {
      name: 'Shanghai office (winter)',
      hours: [{ day: 'sat', from: '10:00', to: '14:00' }],
      version: calendar.version,
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({ name: 'Shanghai office (winter)', version: 2 });
    expect(edited.body.hours).toEqual([{ day: 'sat', from: '10:00', to: '14:00' }]);
    expect((await admin.patch<ErrorBody>(path, { name: 'Late', version: 1 })).status).toBe(409);
    expect((await admin.patch<ErrorBody>(path, { name: 'No version' })).status).toBe(428);
    const overlap = await admin.patch<ErrorBody>(path, {
      hours: [
        { day: 'sat', from: '10:00', to: '14:00' },
        { day: 'sat', from: '13:00', to: '15:00' },
      ],
      version: 2,
    });
    expect(overlap.status).toBe(400);
    expect(overlap.body.error.fields).toHaveProperty('hours.1.from');
    expect((await admin.get<Calendar>(path)).body.version).toBe(2);
  });

  it('names bad preview parameters, answers 404 for an unknown calendar, and 403 for a sales rep', async () => {
    const { id } = await created();
    const bad = await support.get<ErrorBody>(`/api/business-calendars/${id}/due?from=yesterday&minutes=-5`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['from', 'minutes']);
    const unknown = await support.get<ErrorBody>(
      `/api/business-calendars/nope/due?from=${encodeURIComponent('2026-12-04T09:00:00Z')}&minutes=5`,
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe('businessCalendar.not_found');
    expect((await sales1.get('/api/business-calendars')).status).toBe(403);
    expect((await support.post('/api/business-calendars', shanghaiOffice)).status).toBe(403);
  });
});
