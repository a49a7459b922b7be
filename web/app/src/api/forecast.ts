import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { ForecastResult, SalesDashboard } from '../../../../shared/domain/forecast/forecast.schema';
import type { Quota, QuotaList, QuotaSet } from '../../../../shared/domain/forecast/quota.schema';
import { api, apiRequest } from './client';
import { useInvalidatingMutation } from './mutation';

/** Quotas, the forecast and the sales dashboard: types from the same schemas the API validates with. */
export type { Figures, MonthFigures, WinRatePoint } from '../../../../shared/domain/forecast/forecast';
export type {
  ForecastResult,
  FunnelStage,
  NamedRow,
  SalesDashboard,
} from '../../../../shared/domain/forecast/forecast.schema';
export type { Quota, QuotaList, QuotaPerson, QuotaSet } from '../../../../shared/domain/forecast/quota.schema';

export type GroupBy = ForecastResult['by'];

const forecastKeys = {
  forecast: (period: string, by: GroupBy) => ['forecast', period, by] as const,
  quotas: (period: string) => ['quotas', period] as const,
  dashboard: ['dashboard', 'sales'] as const,
};

export function useForecast(period: string, by: GroupBy) {
  return useQuery({
    queryKey: forecastKeys.forecast(period, by),
    queryFn: ({ signal }) => api.get<ForecastResult>('/api/forecast', { period, by }, signal),
    placeholderData: keepPreviousData,
  });
}

export function useSalesDashboard() {
  return useQuery({
    queryKey: forecastKeys.dashboard,
    queryFn: ({ signal }) => api.get<SalesDashboard>('/api/dashboard/sales', undefined, signal),
  });
}

export function useQuotas(period: string) {
  return useQuery({
    queryKey: forecastKeys.quotas(period),
    queryFn: ({ signal }) => api.get<QuotaList>('/api/quotas', { period }, signal),
    placeholderData: keepPreviousData,
  });
}

/** Saves changed quota cells in one request (one transaction); forecast figures are re-read after. */
export function useSaveQuotas(period: string) {
  return useInvalidatingMutation({
    invalidates: [['quotas'], ['forecast'], forecastKeys.dashboard],
    mutationFn: (quotas: QuotaSet[]) =>
      apiRequest<{ items: Quota[] }>('PUT', '/api/quotas', { query: { period }, body: { quotas } }),
  });
}
