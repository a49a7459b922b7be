import { useQuery } from '@tanstack/react-query';
import { api } from './client';

/** The API's OpenAPI 3.1 document (GET /api/openapi.json); it changes only with a deployment. */
export function useOpenApiDocument() {
  return useQuery({
    queryKey: ['openapi'],
    queryFn: ({ signal }) => api.get<Record<string, unknown>>('/api/openapi.json', undefined, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}
