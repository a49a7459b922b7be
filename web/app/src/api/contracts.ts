import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AttachmentCreate,
  ContractCreate,
  ContractView,
  PaymentCreate,
} from '../../../../shared/domain/contracts/contract.schema';
import { api } from './client';

/** Contracts: list (status, expiring soon), detail with attachments, payments, renew, terminate. */
export type { ContractStatus, ContractView } from '../../../../shared/domain/contracts/contract.schema';

const keys = { all: ['contracts'] as const };

export interface ContractFilters {
  status?: string;
  endingWithinDays?: number;
}

export function useContracts(filters: ContractFilters) {
  return useQuery({
    queryKey: [...keys.all, 'list', filters],
    queryFn: ({ signal }) =>
      api.get<{ items: ContractView[]; nextCursor: string | null }>(
        '/api/contracts',
        { limit: 50, status: filters.status, endingWithinDays: filters.endingWithinDays },
        signal,
      ),
  });
}

export function useContract(id: string | undefined) {
  return useQuery({
    queryKey: [...keys.all, 'one', id],
    queryFn: ({ signal }) => api.get<ContractView>(`/api/contracts/${id}`, undefined, signal),
    enabled: Boolean(id),
  });
}

function useInvalidate() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: keys.all });
}

export function useCreateContract() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: (body: ContractCreate) => api.create<ContractView>('/api/contracts', body),
    onSuccess: invalidate,
  });
}

export function useContractAction() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ c, action, reason }: { c: ContractView; action: 'renew' | 'terminate'; reason?: string }) =>
      api.post<ContractView>(`/api/contracts/${c.id}/${action}`, {
        version: c.version,
        ...(reason ? { reason } : {}),
      }),
    onSuccess: invalidate,
  });
}

export function useRecordPayment() {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ c, payment }: { c: ContractView; payment: Omit<PaymentCreate, 'version'> }) =>
      api.post<ContractView>(`/api/contracts/${c.id}/payments`, { ...payment, version: c.version }),
    onSuccess: invalidate,
  });
}

interface Presigned {
  url: string;
  method: 'PUT' | 'GET';
  headers: Record<string, string>;
}

/** Asks for a presigned upload, sends the file straight to storage, then confirms it. */
export function useUploadAttachment() {
  const invalidate = useInvalidate();
  return useMutation({
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
    onSuccess: invalidate,
  });
}

/** Opens a presigned download link (valid for a few minutes). */
export async function downloadAttachment(contractId: string, attachmentId: string): Promise<void> {
  const res = await api.get<{ download: Presigned }>(`/api/contracts/${contractId}/attachments/${attachmentId}`);
  window.location.assign(res.download.url);
}
