import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Team, TeamCreate, TeamPatch } from '../../../../shared/domain/teams/team.schema';
import { api } from './client';

/** Teams (admins and sysadmins manage them): name and members, changed with the team's version. */
export type { Team } from '../../../../shared/domain/teams/team.schema';

const teamKeys = { all: ['teams'] as const };

export function useTeams(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: teamKeys.all,
    queryFn: ({ signal }) => api.get<{ items: Team[] }>('/api/teams', undefined, signal),
    select: (data) => data.items,
    enabled: options.enabled ?? true,
  });
}

/** A membership change also changes the members' `teamIds`, shown on the Users page. */
function useInvalidateTeams() {
  const client = useQueryClient();
  return () =>
    Promise.all([
      client.invalidateQueries({ queryKey: teamKeys.all }),
      client.invalidateQueries({ queryKey: ['users'] }),
    ]);
}

export function useCreateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (body: TeamCreate) => api.create<Team>('/api/teams', body),
    onSuccess: invalidate,
  });
}

export function useUpdateTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: ({ team, patch }: { team: Team; patch: Omit<TeamPatch, 'version'> }) =>
      api.patch<Team>(`/api/teams/${encodeURIComponent(team.id)}`, { ...patch, version: team.version }),
    onSettled: invalidate,
  });
}

export function useDeleteTeam() {
  const invalidate = useInvalidateTeams();
  return useMutation({
    mutationFn: (team: Team) => api.delete(`/api/teams/${encodeURIComponent(team.id)}`),
    onSettled: invalidate,
  });
}
