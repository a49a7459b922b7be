import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { recordsApi } from './records';
import type { Company, CompanyCreate, CompanyListQuery, CompanyPatch, Page } from './types';

/** The filters of GET /api/companies that the list page drives (cursor and limit are added per page). */
export type CompanyFilters = Partial<Omit<CompanyListQuery, 'cursor' | 'limit'>>;

export const companiesApi = recordsApi<Company, CompanyCreate, CompanyPatch, CompanyFilters>('companies', 'company');

/** The company picker's search: the first page of matches, by name. */
export function useCompanySearch(q: string, enabled = true) {
  const term = q.trim();
  return useQuery({
    queryKey: ['companies', 'picker', term],
    queryFn: ({ signal }) =>
      api.get<Page<Company>>('/api/companies', { q: term || undefined, sort: 'name', limit: 20 }, signal),
    staleTime: 30_000,
    placeholderData: (previous) => previous,
    enabled,
  });
}
