import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TimelineEntry } from '../../../../shared/domain/customers/timeline.schema';
import type {
  BoardColumn,
  Deal,
  DealCreate,
  DealPatch,
  DealStageChange,
} from '../../../../shared/domain/deals/deal.schema';
import type { Pipeline, PipelineCreate, PipelinePatch } from '../../../../shared/domain/deals/pipeline.schema';
import { api, type QueryValue } from './client';
import { useInvalidatingMutation } from './mutation';

/** Pipelines, deals and the board. Types come from the same zod schemas the API validates with. */
export type { BoardColumn, Deal, DealCreate, DealPatch } from '../../../../shared/domain/deals/deal.schema';
export type { LostReason, Pipeline, Stage } from '../../../../shared/domain/deals/pipeline.schema';

export interface Board {
  pipeline: Pipeline;
  columns: BoardColumn[];
}

export interface DealPage {
  items: Deal[];
  nextCursor: string | null;
}

export interface BoardScope {
  pipelineId?: string;
  teamId?: string;
  ownerId?: string;
}

export type DealListFilters = Record<string, QueryValue>;

export const dealKeys = {
  all: ['deals'] as const,
  pipelines: ['pipelines'] as const,
  board: (scope: BoardScope) => ['deals', 'board', scope] as const,
  boards: ['deals', 'board'] as const,
  list: (filters: DealListFilters) => ['deals', 'list', filters] as const,
  one: (id: string) => ['deals', 'one', id] as const,
  timeline: (id: string) => ['deals', 'timeline', id] as const,
};

export function usePipelines() {
  return useQuery({
    queryKey: dealKeys.pipelines,
    queryFn: ({ signal }) => api.get<{ items: Pipeline[] }>('/api/pipelines', undefined, signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}

export function useBoard(scope: BoardScope) {
  return useQuery({
    queryKey: dealKeys.board(scope),
    queryFn: ({ signal }) => api.get<Board>('/api/deals/board', { ...scope }, signal),
  });
}

/** One more page of a board column: the same Query as the board's, from the column's cursor. */
export function fetchStagePage(scope: BoardScope & { stageId: string; cursor: string }) {
  return api.get<DealPage>('/api/deals', { ...scope, limit: 20 });
}

export function useDealList(filters: DealListFilters) {
  return useInfiniteQuery({
    queryKey: dealKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<DealPage>('/api/deals', { ...filters, cursor: pageParam, limit: 25 }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDeal(id: string | undefined) {
  return useQuery({
    queryKey: dealKeys.one(id ?? ''),
    queryFn: ({ signal }) => api.get<Deal>(`/api/deals/${encodeURIComponent(id!)}`, undefined, signal),
    enabled: Boolean(id),
  });
}

export function useDealTimeline(id: string) {
  return useInfiniteQuery({
    queryKey: dealKeys.timeline(id),
    queryFn: ({ pageParam, signal }) =>
      api.get<{ items: TimelineEntry[]; nextCursor: string | null }>(
        `/api/deals/${encodeURIComponent(id)}/timeline`,
        { cursor: pageParam, limit: 20 },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

const STALE_AFTER_DEALS = [dealKeys.all];

export function useCreateDeal() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_DEALS,
    mutationFn: (body: DealCreate) => api.create<Deal>('/api/deals', body),
  });
}

export function useUpdateDeal() {
  const client = useQueryClient();
  return useInvalidatingMutation({
    invalidates: [dealKeys.all],
    mutationFn: ({ deal, patch }: { deal: Deal; patch: Omit<DealPatch, 'version'> }) =>
      api.patch<Deal>(`/api/deals/${encodeURIComponent(deal.id)}`, { ...patch, version: deal.version }),
    onSuccess: (saved) => client.setQueryData(dealKeys.one(saved.id), saved),
  });
}

export function useDeleteDeal() {
  return useInvalidatingMutation({
    invalidates: STALE_AFTER_DEALS,
    mutationFn: (deal: Deal) => api.delete<Deal>(`/api/deals/${encodeURIComponent(deal.id)}`),
  });
}

/** Moves a card on a cached board: out of its column, to the top of another, totals adjusted. */
export function moveOnBoard(board: Board, deal: Deal, toStageId: string): Board {
  const adjust = (column: BoardColumn, sign: 1 | -1): BoardColumn['totals'] => {
    const amounts = column.totals.amounts.map((a) => ({ ...a }));
    const cell = amounts.find((a) => a.currency === deal.currency);
    if (cell) cell.amount += sign * deal.amount;
    else if (sign === 1) amounts.push({ currency: deal.currency, amount: deal.amount });
    return { count: column.totals.count + sign, amounts: amounts.filter((a) => a.amount !== 0 || sign === 1) };
  };
  return {
    ...board,
    columns: board.columns.map((column) => {
      if (column.stageId === deal.stageId && column.stageId !== toStageId)
        return { ...column, items: column.items.filter((d) => d.id !== deal.id), totals: adjust(column, -1) };
      if (column.stageId === toStageId && column.stageId !== deal.stageId)
        return { ...column, items: [{ ...deal, stageId: toStageId }, ...column.items], totals: adjust(column, 1) };
      return column;
    }),
  };
}

/**
 * A stage change, applied to the board at once (optimistic) and rolled back if the API refuses
 * it: a stale version is a 409 the caller shows as a conflict, never a silent overwrite.
 */
export function useMoveDeal(scope: BoardScope) {
  const key = dealKeys.board(scope);
  const client = useQueryClient();
  return useInvalidatingMutation({
    invalidates: [dealKeys.all],
    mutationFn: ({ deal, change }: { deal: Deal; change: Omit<DealStageChange, 'version'> }) =>
      api.post<Deal>(`/api/deals/${encodeURIComponent(deal.id)}/stage`, { ...change, version: deal.version }),
    onMutate: async ({ deal, change }) => {
      await client.cancelQueries({ queryKey: key });
      const before = client.getQueryData<Board>(key);
      if (before) client.setQueryData<Board>(key, moveOnBoard(before, deal, change.stageId));
      return { before };
    },
    onError: (_error, _vars, context) => {
      if (context?.before) client.setQueryData(key, context.before);
    },
    onSuccess: (saved) => {
      client.setQueryData(dealKeys.one(saved.id), saved);
      client.setQueryData<Board>(key, (board) =>
        board
          ? {
              ...board,
              columns: board.columns.map((c) => ({
                ...c,
                items: c.items.map((d) => (d.id === saved.id ? saved : d)),
              })),
            }
          : board,
      );
    },
  });
}

/** A stage change from the deal page (no board to update first). */
export function useChangeStage() {
  const client = useQueryClient();
  return useInvalidatingMutation({
    invalidates: [dealKeys.all],
    mutationFn: ({ deal, change }: { deal: Deal; change: Omit<DealStageChange, 'version'> }) =>
      api.post<Deal>(`/api/deals/${encodeURIComponent(deal.id)}/stage`, { ...change, version: deal.version }),
    onSuccess: (saved) => client.setQueryData(dealKeys.one(saved.id), saved),
  });
}

export function useCreatePipeline() {
  return useInvalidatingMutation({
    invalidates: [dealKeys.pipelines],
    mutationFn: (body: PipelineCreate) => api.create<Pipeline>('/api/pipelines', body),
  });
}

export function useUpdatePipeline() {
  return useInvalidatingMutation({
    invalidates: [['pipelines']],
    mutationFn: ({ pipeline, patch }: { pipeline: Pipeline; patch: Omit<PipelinePatch, 'version'> }) =>
      api.patch<Pipeline>(`/api/pipelines/${encodeURIComponent(pipeline.id)}`, {
        ...patch,
        version: pipeline.version,
      }),
  });
}

export type { InfiniteData };
