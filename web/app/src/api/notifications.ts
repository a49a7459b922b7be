import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  NotificationList,
  NotificationPreferencesPut,
  NotificationPreferencesView,
} from '../../../../shared/domain/notifications/notification.schema';
import { api, apiRequest } from './client';
import { useInvalidatingMutation } from './mutation';

/** One's own in-app notifications (bell, list) and e-mail preferences per kind. */
export type { Notification } from '../../../../shared/domain/notifications/notification.schema';

const keys = { list: ['notifications'] as const, prefs: ['notification-preferences'] as const };

/** The newest notifications with the unread count; polled, so the badge follows new reminders. */
export function useNotifications(limit = 20) {
  return useQuery({
    queryKey: [...keys.list, limit],
    queryFn: ({ signal }) => api.get<NotificationList>('/api/notifications', { limit }, signal),
    refetchInterval: 60_000,
  });
}

export function useMarkRead() {
  return useInvalidatingMutation({
    invalidates: [keys.list],
    mutationFn: (id: string) => api.post<{ unread: number }>(`/api/notifications/${id}/read`, {}),
  });
}

export function useMarkAllRead() {
  return useInvalidatingMutation({
    invalidates: [keys.list],
    mutationFn: () => api.post<{ unread: number }>('/api/notifications/read-all', {}),
  });
}

export function useNotificationPreferences() {
  return useQuery({
    queryKey: keys.prefs,
    queryFn: ({ signal }) =>
      api.get<NotificationPreferencesView>('/api/me/notification-preferences', undefined, signal),
  });
}

export function useSaveNotificationPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NotificationPreferencesPut) =>
      apiRequest<NotificationPreferencesView>('PUT', '/api/me/notification-preferences', { body }),
    onSuccess: (data) => client.setQueryData(keys.prefs, data),
  });
}
