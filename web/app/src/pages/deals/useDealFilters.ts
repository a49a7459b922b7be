import type { Pipeline } from '../../api/deals';
import { oneOf, useListParams } from '../../components/useListParams';

/** The list's filters as URL search params (the page's own pipeline, team and view are kept). */
const PARAMS = ['owner', 'stage', 'closeMonth', 'minAmount', 'maxAmount', 'sort'] as const;
const SORTS = ['updated', 'closeDate'] as const;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

interface Filters {
  ownerId?: string;
  stageId?: string;
  closeMonth?: string;
  minAmount?: number;
  maxAmount?: number;
  sort: (typeof SORTS)[number];
}

/** A hand-edited URL may hold anything: what is not a non-negative number is no filter. */
function amountParam(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

export function useDealFilters(pipeline: Pipeline) {
  const params = useListParams(PARAMS);
  const v = params.values;
  const closeMonth = v.closeMonth && MONTH.test(v.closeMonth) ? v.closeMonth : undefined;
  const filters: Filters = {
    ownerId: v.owner,
    stageId: pipeline.stages.some((s) => s.id === v.stage) ? v.stage : undefined,
    closeMonth,
    minAmount: amountParam(v.minAmount),
    maxAmount: amountParam(v.maxAmount),
    // Sorting by close date needs a close month (the close-month index).
    sort: closeMonth ? (oneOf(v.sort, SORTS) ?? 'updated') : 'updated',
  };
  const set = (patch: Partial<Filters>) => {
    const next = { ...filters, ...patch };
    params.update({
      owner: next.ownerId,
      stage: next.stageId,
      closeMonth: next.closeMonth,
      minAmount: next.minAmount === undefined ? undefined : String(next.minAmount),
      maxAmount: next.maxAmount === undefined ? undefined : String(next.maxAmount),
      sort: next.closeMonth && next.sort !== 'updated' ? next.sort : undefined,
    });
  };
  const clear = () =>
    params.update({
      owner: undefined,
      stage: undefined,
      closeMonth: undefined,
      minAmount: undefined,
      maxAmount: undefined,
      sort: undefined,
    });
  return { filters, set, clear };
}
