import { useQuery } from '@tanstack/react-query';
import type { Team, TeamCreate, TeamPatch } from '../../../../shared/domain/teams/team.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';

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
const STALE_AFTER_TEAMS = [teamKeys.all, ['users']];

export function useCreateTeam() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_TEAMS,
    mutationFn: (body: TeamCreate) => api.create<Team>('/api/teams', body),
  });
}

export function useUpdateTeam() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_TEAMS,
    mutationFn: ({ team, patch }: { team: Team; patch: Omit<TeamPatch, 'version'> }) =>
      api.patch<Team>(`/api/teams/${encodeURIComponent(team.id)}`, { ...patch, version: team.version }),
  });
}

export function useDeleteTeam() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_TEAMS,
    mutationFn: (team: Team) => api.delete(`/api/teams/${encodeURIComponent(team.id)}`),
  });
}
