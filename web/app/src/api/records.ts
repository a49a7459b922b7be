import { type QueryKey, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, type QueryValue } from './client';
import { useInvalidatingMutation } from './mutation';
import type { CustomFieldEntity, Page, TimelineEntry } from './types';

/**
 * Contacts and companies share the same routes (list, create, read, edit, delete, restore,
 * timeline), so they share these hooks; contacts.ts and companies.ts bind the types with recordsApi.
 */
export type RecordResource = 'contacts' | 'companies';

/**
 * Which kind of record: `resource` names its routes (/api/contacts, /app/contacts), its texts
 * (contacts.*) and permissions (contacts:write); `entity` its custom fields and test ids (contact-row).
 */
export interface RecordKind {
  resource: RecordResource;
  entity: CustomFieldEntity;
}

export const PAGE_SIZE = 25;

export const recordKeys = {
  all: (resource: RecordResource) => [resource] as const,
  lists: (resource: RecordResource) => [resource, 'list'] as const,
  list: (resource: RecordResource, filters: object) => [resource, 'list', filters] as const,
  detail: (resource: RecordResource, id: string) => [resource, 'detail', id] as const,
  timeline: (resource: RecordResource, id: string) => [resource, 'timeline', id] as const,
};

interface Versioned {
  id: string;
  version: number;
}

export function useRecordList<T>(resource: RecordResource, filters: Record<string, QueryValue>, enabled = true) {
  return useInfiniteQuery({
    queryKey: recordKeys.list(resource, filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<T>>(`/api/${resource}`, { ...filters, limit: PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

export function useRecord<T>(resource: RecordResource, id: string | undefined) {
  return useQuery({
    queryKey: recordKeys.detail(resource, id ?? ''),
    queryFn: ({ signal }) => api.get<T>(`/api/${resource}/${encodeURIComponent(id ?? '')}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useRecordTimeline(resource: RecordResource, id: string) {
  return useInfiniteQuery({
    queryKey: recordKeys.timeline(resource, id),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<TimelineEntry>>(
        `/api/${resource}/${encodeURIComponent(id)}/timeline`,
        { limit: PAGE_SIZE, cursor: pageParam },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** After any write, lists and timelines of this resource may be stale; contacts show company names too. */
function staleAfterWrite(resource: RecordResource): QueryKey[] {
  const keys: QueryKey[] = [recordKeys.all(resource)];
  if (resource === 'companies') keys.push(recordKeys.all('contacts'));
  return keys;
}

// Editors keep the user's changes after a failed save (a conflict offers a reload instead).
export function useCreateRecord<T extends Versioned, Body>(resource: RecordResource) {
  const client = useQueryClient();
  return useInvalidatingMutation({
    invalidates: staleAfterWrite(resource),
    invalidateOn: 'success',
    mutationFn: (body: Body) => api.create<T>(`/api/${resource}`, body),
    onSuccess: (created) => client.setQueryData(recordKeys.detail(resource, created.id), created),
  });
}

export function useUpdateRecord<T extends Versioned, Body>(resource: RecordResource, id: string) {
  const client = useQueryClient();
  return useInvalidatingMutation({
    invalidates: staleAfterWrite(resource),
    invalidateOn: 'success',
    /** `version` is the one the user edited; a stale one is answered with 409. */
    mutationFn: ({ patch, version }: { patch: Body; version: number }) =>
      api.patch<T>(`/api/${resource}/${encodeURIComponent(id)}`, { ...patch, version }),
    onSuccess: (updated) => {
      if (updated) client.setQueryData(recordKeys.detail(resource, id), updated);
    },
  });
}

export function useDeleteRecord(resource: RecordResource) {
  return useInvalidatingMutation({
    invalidates: staleAfterWrite(resource),
    invalidateOn: 'success',
    mutationFn: (id: string) => api.delete<unknown>(`/api/${resource}/${encodeURIComponent(id)}`),
  });
}

export function useRestoreRecord(resource: RecordResource) {
  return useInvalidatingMutation({
    invalidates: staleAfterWrite(resource),
    invalidateOn: 'success',
    mutationFn: (id: string) => api.post<unknown>(`/api/${resource}/${encodeURIComponent(id)}/restore`),
  });
}

/** The hooks of one kind of record, bound to its types. */
export interface RecordsApi<T extends Versioned, Create, Patch, Filters> extends RecordKind {
  useList(filters: Filters, enabled?: boolean): ReturnType<typeof useRecordList<T>>;
  useOne(id: string | undefined): ReturnType<typeof useRecord<T>>;
  useTimeline(id: string): ReturnType<typeof useRecordTimeline>;
  useCreate(): ReturnType<typeof useCreateRecord<T, Create>>;
  useUpdate(id: string): ReturnType<typeof useUpdateRecord<T, Patch>>;
  useDelete(): ReturnType<typeof useDeleteRecord>;
  useRestore(): ReturnType<typeof useRestoreRecord>;
}

export function recordsApi<T extends Versioned, Create, Patch, Filters extends object>(
  resource: RecordResource,
  entity: CustomFieldEntity,
): RecordsApi<T, Create, Patch, Filters> {
  return {
    resource,
    entity,
    useList: (filters, enabled = true) => useRecordList<T>(resource, filters as Record<string, QueryValue>, enabled),
    useOne: (id) => useRecord<T>(resource, id),
    useTimeline: (id) => useRecordTimeline(resource, id),
    useCreate: () => useCreateRecord<T, Create>(resource),
    useUpdate: (id) => useUpdateRecord<T, Patch>(resource, id),
    useDelete: () => useDeleteRecord(resource),
    useRestore: () => useRestoreRecord(resource),
  };
}
