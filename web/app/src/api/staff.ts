import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { Me, StaffMember } from './types';

/** The staff directory, for owner pickers and owner names; it changes rarely. */
export function useStaff() {
  return useQuery({
    queryKey: ['staff'],
    queryFn: ({ signal }) => api.get<{ items: StaffMember[] }>('/api/staff', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** id → name, for showing owners in lists without a request per row. */
export function useStaffNames(): Map<string, string> {
  const { data } = useStaff();
  return useMemo(() => new Map((data ?? []).map((member) => [member.id, member.name || member.email])), [data]);
}

/** The signed-in user as the API sees them (name, roles, effective permissions). */
export function useMe(enabled = true) {
  return useQuery({
    queryKey: ['me'],
    queryFn: ({ signal }) => api.get<Me>('/api/me', undefined, signal),
    staleTime: 5 * 60_000,
    enabled,
  });
}
