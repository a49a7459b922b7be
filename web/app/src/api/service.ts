import { useQuery } from '@tanstack/react-query';
import type {
  BusinessCalendar,
  BusinessCalendarCreate,
  BusinessCalendarPatch,
} from '../../../../shared/domain/service/business-calendar.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';

/** Business calendars of the service desk (admins edit; agents and managers read). */
export type { BusinessCalendar } from '../../../../shared/domain/service/business-calendar.schema';

const calendarKeys = { all: ['business-calendars'] as const };

export function useBusinessCalendars() {
  return useQuery({
    queryKey: calendarKeys.all,
    queryFn: ({ signal }) =>
      api.get<{ items: BusinessCalendar[] }>('/api/business-calendars', { limit: '200' }, signal),
    select: (data) => data.items,
  });
}

export function useCreateCalendar() {
  return useInvalidatingMutation({
    invalidates: [calendarKeys.all],
    invalidateOn: 'success',
    mutationFn: (body: BusinessCalendarCreate) => api.create<BusinessCalendar>('/api/business-calendars', body),
  });
}

export function useUpdateCalendar() {
  return useInvalidatingMutation({
    invalidates: [calendarKeys.all],
    invalidateOn: 'success',
    mutationFn: ({ calendar, patch }: { calendar: BusinessCalendar; patch: Omit<BusinessCalendarPatch, 'version'> }) =>
      api.patch<BusinessCalendar>(`/api/business-calendars/${encodeURIComponent(calendar.id)}`, {
        ...patch,
        version: calendar.version,
      }),
  });
}

/** When `minutes` business minutes have passed from `from` (ISO instant), as the SLA clocks compute it. */
export function useDuePreview(calendarId: string | undefined, from: string | undefined, minutes: number | undefined) {
  return useQuery({
    queryKey: ['business-calendars', calendarId, 'due', from, minutes],
    enabled: Boolean(calendarId && from && minutes !== undefined),
    queryFn: ({ signal }) =>
      api.get<{ due: string }>(
        `/api/business-calendars/${encodeURIComponent(calendarId!)}/due`,
        { from: from!, minutes: String(minutes) },
        signal,
      ),
  });
}
