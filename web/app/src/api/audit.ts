import { useInfiniteQuery } from '@tanstack/react-query';
import type { AuditEntry, AuditFilters } from '../../../../shared/domain/audit/audit.schema';
import type { Page } from '../../../../shared/domain/common/fields';
import { ApiError, apiErrorFrom } from './api-error';
import { api, toQueryString } from './client';

/**
 * The audit log (admins and sysadmins): a cursor-paginated list, and a CSV export that the
 * browser downloads with the same filters. Types come from the schemas the API validates with.
 */
export type { AuditEntity, AuditEntry } from '../../../../shared/domain/audit/audit.schema';

/** Filters as the API takes them: `from`/`to` are ISO instants or dates. */
export type AuditQuery = { [K in keyof AuditFilters]?: string };

export const AUDIT_PAGE_SIZE = 50;

export const auditKeys = {
  all: ['audit'] as const,
  list: (filters: AuditQuery) => ['audit', 'list', filters] as const,
};

export function useAuditLog(filters: AuditQuery) {
  return useInfiniteQuery({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<Page<AuditEntry>>('/api/audit', { ...filters, limit: AUDIT_PAGE_SIZE, cursor: pageParam }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export interface AuditCsv {
  blob: Blob;
  filename: string;
  rows: number;
  /** The export hit its bound (5,000 rows): only the newest rows are in it. */
  truncated: boolean;
}

/**
 * GET /api/audit/export. Not a plain link: the API wants the bearer token, which a navigation
 * cannot send, so the file is fetched and handed to the browser as a blob.
 */
export async function fetchAuditCsv(filters: AuditQuery, idToken: string | null): Promise<AuditCsv> {
  if (!idToken) throw new ApiError(401, 'auth.unauthorized', 'Sign in first');
  let response: Response;
  try {
    response = await fetch(`/api/audit/export${toQueryString(filters)}`, {
      headers: { accept: 'text/csv', authorization: `Bearer ${idToken}` },
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'network_error', 'The server could not be reached');
  }
  if (!response.ok) throw await apiErrorFrom(response);
  const disposition = response.headers.get('content-disposition') ?? '';
  return {
    blob: await response.blob(),
    filename: /filename="([^"]+)"/.exec(disposition)?.[1] ?? 'audit-log.csv',
    rows: Number(response.headers.get('x-export-rows') ?? 0),
    truncated: response.headers.get('x-export-truncated') === 'true',
  };
}
