import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type {
  AttachmentCreate,
  ContractCreate,
  ContractView,
  PaymentCreate,
} from '../../../../shared/domain/contracts/contract.schema';
import { api } from './client';
import { useInvalidatingMutation } from './mutation';

/** Contracts: list (status, expiring soon), detail with attachments, payments, renew, terminate. */
export type { ContractStatus, ContractView } from '../../../../shared/domain/contracts/contract.schema';

const keys = { all: ['contracts'] as const };

export interface ContractFilters {
  status?: string;
  endingWithinDays?: number;
}

/** One page of the list; "Load more" follows the API's cursor. */
export const CONTRACTS_PAGE_SIZE = 50;

export function useContracts(filters: ContractFilters) {
  return useInfiniteQuery({
    queryKey: [...keys.all, 'list', filters],
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: ContractView[]; nextCursor: string | null }>(
        '/api/contracts',
        {
          limit: CONTRACTS_PAGE_SIZE,
          cursor: pageParam,
          status: filters.status,
          endingWithinDays: filters.endingWithinDays,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'one', id],
    queryFn: ({ signal }) => api.get<ContractView>(`/api/contracts/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useCreateContract() {
  return useInvalidatingMutation({
    invalidates: [keys.all],
    mutationFn: (body: ContractCreate) => api.create<ContractView>('/api/contracts', body),
  });
}

export function useContractAction() {
  return useInvalidatingMutation({
    invalidates: [keys.all],
    mutationFn: ({ c, action, reason }: { c: ContractView; action: 'renew' | 'terminate'; reason?: string }) =>
      api.post<ContractView>(`/api/contracts/${c.id}/${action}`, {
        version: c.version,
        ...(reason ? { reason } : {}),
      }),
  });
}

export function useRecordPayment() {
  return useInvalidatingMutation({
    invalidates: [keys.all],
    mutationFn: ({ c, payment }: { c: ContractView; payment: Omit<PaymentCreate, 'version'> }) =>
      api.post<ContractView>(`/api/contracts/${c.id}/payments`, { ...payment, version: c.version }),
  });
}

interface Presigned {
  url: string;
  method: 'PUT' | 'GET';
  headers: Record<string, string>;
}

/** Asks for a presigned upload, sends the file straight to storage, then confirms it. */
export function useUploadAttachment() {
  return useInvalidatingMutation({
    invalidates: [keys.all],
    mutationFn: async ({ contractId, file }: { contractId: string; file: File }) => {
      const body: AttachmentCreate = { fileName: file.name, contentType: file.type, size: file.size };
      const res = await api.post<{ attachment: { id: string }; upload: Presigned }>(
        `/api/contracts/${contractId}/attachments`,
        body,
      );
      const put = await fetch(res.upload.url, { method: 'PUT', headers: res.upload.headers, body: file });
      if (!put.ok) throw new Error(`Upload failed (${put.status})`);
      // The file is the contract's only once the API has seen it in storage.
      await api.post(`/api/contracts/${contractId}/attachments/${res.attachment.id}/confirm`, {});
    },
  });
}

/** Opens a presigned download link (valid for a few minutes). */
export async function downloadAttachment(contractId: string, attachmentId: string): Promise<void> {
  const res = await api.get<{ download: Presigned }>(`/api/contracts/${contractId}/attachments/${attachmentId}`);
  window.location.assign(res.download.url);
}
