import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';
import type { CustomFieldCreate, CustomFieldDef, CustomFieldEntity, CustomFieldPatch } from './types';

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

function useInvalidateCustomFields() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: customFieldKeys.all });
}

export function useCreateCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: (body: CustomFieldCreate) => api.create<CustomFieldDef>('/api/custom-fields', body),
    onSuccess: invalidate,
  });
}

export function useUpdateCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: ({ def, patch }: { def: CustomFieldDef; patch: Omit<CustomFieldPatch, 'version'> }) =>
      api.patch<CustomFieldDef>(path(def.entity, def.key), { ...patch, version: def.version }),
    onSuccess: invalidate,
  });
}

export function useDeleteCustomField() {
  const invalidate = useInvalidateCustomFields();
  return useMutation({
    mutationFn: (def: CustomFieldDef) => api.delete(path(def.entity, def.key)),
    onSuccess: invalidate,
  });
}
