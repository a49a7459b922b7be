import { useQuery } from '@tanstack/react-query';
import type {
  BusinessCalendar,
  BusinessCalendarCreate,
  BusinessCalendarPatch,
} from '../../../../shared/domain/service/business-calendar.schema';
import type { SlaPolicy, SlaPolicyCreate, SlaPolicyPatch } from '../../../../shared/domain/service/sla-policy.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';

/** Business calendars of the service desk (admins edit; agents and managers read). */
export type { BusinessCalendar } from '../../../../shared/domain/service/business-calendar.schema';
export type { SlaPolicy } from '../../../../shared/domain/service/sla-policy.schema';

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

const policyKeys = { all: ['sla-policies'] as const };

/** SLA policies in evaluation order (the first whose conditions hold applies to a ticket). */
export function useSlaPolicies() {
  return useQuery({
    queryKey: policyKeys.all,
    queryFn: ({ signal }) => api.get<{ items: SlaPolicy[] }>('/api/sla-policies', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateSlaPolicy() {
  return useInvalidatingMutation({
    invalidates: [policyKeys.all],
    invalidateOn: 'success',
    mutationFn: (body: SlaPolicyCreate) => api.create<SlaPolicy>('/api/sla-policies', body),
  });
}

export function useUpdateSlaPolicy() {
  return useInvalidatingMutation({
    invalidates: [policyKeys.all],
    mutationFn: ({ policy, patch }: { policy: SlaPolicy; patch: Omit<SlaPolicyPatch, 'version'> }) =>
      api.patch<SlaPolicy>(`/api/sla-policies/${encodeURIComponent(policy.id)}`, { ...patch, version: policy.version }),
  });
}

export function useDeleteSlaPolicy() {
  return useInvalidatingMutation({
    invalidates: [policyKeys.all],
    mutationFn: (policy: SlaPolicy) => api.delete(`/api/sla-policies/${encodeURIComponent(policy.id)}`),
  });
}
