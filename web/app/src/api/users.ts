import { useQuery } from '@tanstack/react-query';
import type { UserInvite, UserPatch, UserSummary } from '../../../../shared/domain/users/user.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';

/** User administration (admins and sysadmins): the staff list, invitations, role and status. */
export type { UserInvite, UserStatus, UserSummary } from '../../../../shared/domain/users/user.schema';

const userKeys = { all: ['users'] as const };

export function useUsers() {
  return useQuery({
    queryKey: userKeys.all,
    queryFn: ({ signal }) => api.get<{ items: UserSummary[] }>('/api/users', undefined, signal),
    select: (data) => data.items,
  });
}

const STALE_AFTER_USERS = [userKeys.all];

export function useInviteUser() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_USERS,
    mutationFn: (body: UserInvite) => api.create<UserSummary>('/api/users', body),
  });
}

export function useUpdateUser() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_USERS,
    mutationFn: ({ user, patch }: { user: UserSummary; patch: Omit<UserPatch, 'version'> }) =>
      api.patch<UserSummary>(`/api/users/${encodeURIComponent(user.id)}`, { ...patch, version: user.version }),
  });
}
