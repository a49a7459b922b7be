import { useQuery } from '@tanstack/react-query';
import { api, type QueryValue } from './client';
import {
  useCreateRecord,
  useDeleteRecord,
  useRecord,
  useRecordList,
  useRecordTimeline,
  useRestoreRecord,
  useUpdateRecord,
} from './records';
import type { Company, CompanyCreate, CompanyListQuery, CompanyPatch, Page } from './types';

export type CompanyFilters = Partial<Omit<CompanyListQuery, 'cursor' | 'limit'>>;

export const useCompanies = (filters: CompanyFilters, enabled = true) =>
  useRecordList<Company>('companies', filters as Record<string, QueryValue>, enabled);
export const useCompany = (id: string | undefined) => useRecord<Company>('companies', id);
export const useCompanyTimeline = (id: string) => useRecordTimeline('companies', id);
export const useCreateCompany = () => useCreateRecord<Company, CompanyCreate>('companies');
export const useUpdateCompany = (id: string) => useUpdateRecord<Company, CompanyPatch>('companies', id);
export const useDeleteCompany = () => useDeleteRecord('companies');
export const useRestoreCompany = () => useRestoreRecord('companies');

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
