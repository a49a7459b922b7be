import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserInvite, UserPatch, UserSummary } from '../../../../shared/domain/users/user.schema';
import { api } from './client';

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

function useInvalidateUsers() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: userKeys.all });
}

export function useInviteUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: (body: UserInvite) => api.create<UserSummary>('/api/users', body),
    onSuccess: invalidate,
  });
}

export function useUpdateUser() {
  const invalidate = useInvalidateUsers();
  return useMutation({
    mutationFn: ({ user, patch }: { user: UserSummary; patch: Omit<UserPatch, 'version'> }) =>
      api.patch<UserSummary>(`/api/users/${encodeURIComponent(user.id)}`, { ...patch, version: user.version }),
    onSettled: invalidate,
  });
}
