import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  DuplicateMatch,
  LeadCreate,
  LeadRules,
  LeadRulesPut,
  PoolLead,
} from '../../../../shared/domain/leads/lead.schema';
import { api, apiRequest } from './client';
import { useInvalidatingMutation } from './mutation';

/** The leads context: the lead pool (公海), lead rules per team, and the duplicate check (查重). */
export type { DuplicateMatch, LeadRules, PoolLead } from '../../../../shared/domain/leads/lead.schema';

export interface PoolPage {
  items: PoolLead[];
  nextCursor: string | null;
  teamId: string;
  /** Leads the caller claimed from the pool and still holds (what the claim limit counts). */
  held: number;
  /** The pools the caller may use (first page only). */
  pools?: { teamId: string; name: string }[];
}

/** Body of POST /api/leads (the schema's input: `assign` may be left to its default). */
export type LeadCreateBody = Omit<LeadCreate, 'assign'> & { assign?: LeadCreate['assign'] };

export interface TeamRules extends LeadRules {
  teamName: string;
  memberIds: string[];
}

const leadKeys = {
  pool: (teamId: string | undefined, q: string) => ['lead-pool', teamId ?? '', q] as const,
  rules: ['lead-rules'] as const,
  duplicates: (query: Record<string, string | undefined>) => ['duplicates', query] as const,
};

export function usePool(teamId: string | undefined, q: string) {
  return useInfiniteQuery({
    queryKey: leadKeys.pool(teamId, q),
    queryFn: ({ pageParam, signal }) =>
      api.get<PoolPage>('/api/lead-pool', { teamId, q, cursor: pageParam, limit: 25 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
}

/** Claim and release change the pool, the caller's contacts and their held count. */
const STALE_AFTER_LEADS = [['lead-pool'], ['contacts']];

export function useClaimLead() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_LEADS,
    mutationFn: (id: string) => api.post<{ id: string }>(`/api/lead-pool/${encodeURIComponent(id)}/claim`),
  });
}

export function useReleaseLead() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_LEADS,
    mutationFn: (id: string) => api.post<{ id: string }>(`/api/lead-pool/${encodeURIComponent(id)}/release`),
  });
}

export function useCreateLead() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_LEADS,
    mutationFn: (body: LeadCreateBody) => api.post<{ id: string; name: string; ownerId: string }>('/api/leads', body),
  });
}

export function useLeadRules(enabled = true) {
  return useQuery({
    queryKey: leadKeys.rules,
    queryFn: ({ signal }) => api.get<{ items: TeamRules[] }>('/api/lead-rules', undefined, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useSaveLeadRules() {
  return useInvalidatingMutation({
    invalidates: [leadKeys.rules],
    mutationFn: ({ teamId, rules }: { teamId: string; rules: LeadRulesPut }) =>
      apiRequest<LeadRules>('PUT', `/api/lead-rules/${encodeURIComponent(teamId)}`, { body: rules }),
  });
}

/** 查重: who already has a contact or company with this e-mail, phone or domain (no id outside one's scope). */
export function useDuplicates(query: { email?: string; phone?: string; domain?: string; excludeId?: string }) {
  const enabled = Boolean(query.email || query.phone || query.domain);
  return useQuery({
    queryKey: leadKeys.duplicates(query),
    queryFn: ({ signal }) => api.get<{ matches: DuplicateMatch[] }>('/api/duplicates', query, signal),
    select: (data) => data.matches,
    enabled,
    staleTime: 30_000,
    retry: false,
  });
}
