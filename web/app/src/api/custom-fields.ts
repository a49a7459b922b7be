import { useQuery } from '@tanstack/react-query';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';
import type { CustomFieldCreate, CustomFieldDef, CustomFieldEntity, CustomFieldPatch, Role } from './types';

const customFieldKeys = {
  all: ['custom-fields'] as const,
  entity: (entity: CustomFieldEntity) => ['custom-fields', entity] as const,
};

const path = (entity: CustomFieldEntity, key: string) =>
  `/api/custom-fields/${encodeURIComponent(entity)}/${encodeURIComponent(key)}`;

/** The admin-defined fields of an entity, which forms and detail pages render. */
export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({
    queryKey: customFieldKeys.entity(entity),
    queryFn: ({ signal }) => api.get<{ items: CustomFieldDef[] }>('/api/custom-fields', { entity }, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

const STALE_AFTER_CUSTOM_FIELDS = [customFieldKeys.all];

export function useCreateCustomField() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_CUSTOM_FIELDS,
    mutationFn: (body: CustomFieldCreate) => api.create<CustomFieldDef>('/api/custom-fields', body),
  });
}

export function useUpdateCustomField() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_CUSTOM_FIELDS,
    mutationFn: ({ def, patch }: { def: CustomFieldDef; patch: Omit<CustomFieldPatch, 'version'> }) =>
      api.patch<CustomFieldDef>(path(def.entity, def.key), { ...patch, version: def.version }),
  });
}

export function useDeleteCustomField() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_CUSTOM_FIELDS,
    mutationFn: (def: CustomFieldDef) => api.delete(path(def.entity, def.key)),
  });
}

/** A built-in field's sensitivity (contact phone and address, company address), as GET /api/custom-fields lists it. */
export interface BuiltInSetting {
  entity: CustomFieldEntity;
  key: 'phone' | 'address';
  sensitive: boolean;
  readRoles: Role[];
  version: number;
}

/** A re-encryption job, started when a built-in field's sensitivity is turned on or off. */
export interface ReencryptJob {
  id: string;
  entity: CustomFieldEntity;
  field: string;
  target: 'encrypt' | 'decrypt';
  status: 'running' | 'done';
  updated: number;
  scanned: number;
  phase: 'live' | 'trash';
  createdAt: string;
  completedAt?: string;
}

export function useBuiltInSettings(entity: CustomFieldEntity, enabled = true) {
  return useQuery({
    enabled,
    queryKey: customFieldKeys.entity(entity),
    queryFn: ({ signal }) =>
      api.get<{ items: CustomFieldDef[]; builtIn: BuiltInSetting[] }>('/api/custom-fields', { entity }, signal),
    select: (data) => data.builtIn ?? [],
    staleTime: 60_000,
  });
}

/** Whether the contact phone is sensitive (then search matches whole numbers only). */
export function usePhoneSensitive(enabled: boolean) {
  const settings = useBuiltInSettings('contact', enabled);
  return enabled && Boolean(settings.data?.find((s) => s.key === 'phone')?.sensitive);
}

export function useUpdateBuiltInSetting() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_CUSTOM_FIELDS,
    mutationFn: ({
      setting,
      sensitive,
      readRoles,
    }: {
      setting: BuiltInSetting;
      sensitive: boolean;
      readRoles: Role[];
    }) =>
      api.patch<BuiltInSetting & { job?: ReencryptJob }>(
        `/api/custom-fields/${setting.entity}/built-in/${setting.key}`,
        { sensitive, readRoles: sensitive ? readRoles : [], version: setting.version },
      ),
  });
}

/** A job's progress, polled every second until it is done. */
export function useReencryptJob(id: string | undefined) {
  return useQuery({
    queryKey: ['custom-fields', 'jobs', id],
    queryFn: ({ signal }) => api.get<ReencryptJob>(`/api/custom-fields/jobs/${id}`, undefined, signal),
    enabled: Boolean(id),
    refetchInterval: (query) => (query.state.data?.status === 'done' ? false : 1000),
  });
}
