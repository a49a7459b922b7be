import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Product, ProductCreate, ProductPatch } from '../../../../shared/domain/quotes/product.schema';
import type { Quote, QuoteCreate, QuotePatch, QuoteStatus } from '../../../../shared/domain/quotes/quote.schema';
import { api, apiDownload } from './client';
import { useInvalidatingMutation } from './mutation';

/** The price list and quotes: the same schemas type the API and these calls. */
export type { Product } from '../../../../shared/domain/quotes/product.schema';
export type { Quote, QuoteLine, QuoteStatus } from '../../../../shared/domain/quotes/quote.schema';

interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

const keys = {
  products: ['products'] as const,
  productList: (view: string, q: string) => ['products', view, q] as const,
  dealQuotes: (dealId: string) => ['quotes', 'deal', dealId] as const,
  quote: (id: string) => ['quotes', 'one', id] as const,
};

export function useProducts(view: 'all' | 'active', q = '') {
  return useQuery({
    queryKey: keys.productList(view, q),
    queryFn: ({ signal }) => api.get<Page<Product>>('/api/products', { view, q, limit: 200 }, signal),
    select: (data) => data.items,
    placeholderData: keepPreviousData,
  });
}

export function useSaveProduct() {
  return useInvalidatingMutation({
    invalidates: [keys.products],
    mutationFn: ({ product, body }: { product?: Product; body: ProductCreate | Omit<ProductPatch, 'version'> }) =>
      product
        ? api.patch<Product>(`/api/products/${encodeURIComponent(product.id)}`, { ...body, version: product.version })
        : api.create<Product>('/api/products', body),
  });
}

export function useDeleteProduct() {
  return useInvalidatingMutation({
    invalidates: [keys.products],
    mutationFn: (product: Product) => api.delete(`/api/products/${encodeURIComponent(product.id)}`),
  });
}

export function useDealQuotes(dealId: string) {
  return useQuery({
    queryKey: keys.dealQuotes(dealId),
    queryFn: ({ signal }) => api.get<Page<Quote>>('/api/quotes', { dealId, limit: 100 }, signal),
    select: (data) => data.items,
  });
}

export function useQuote(id: string) {
  return useQuery({
    queryKey: keys.quote(id),
    queryFn: ({ signal }) => api.get<Quote>(`/api/quotes/${encodeURIComponent(id)}`, undefined, signal),
  });
}

/** A saved quote is the answer: it replaces the cached one, and its deal's list is stale. */
function useQuoteCache() {
  const client = useQueryClient();
  return (quote: Quote) => client.setQueryData(keys.quote(quote.id), quote);
}

export function useCreateQuote() {
  const cache = useQuoteCache();
  return useInvalidatingMutation({
    invalidates: (_, body: QuoteCreate) => [keys.dealQuotes(body.dealId)],
    mutationFn: (body: QuoteCreate) => api.create<Quote>('/api/quotes', body),
    onSuccess: cache,
  });
}

export function useUpdateQuote() {
  const cache = useQuoteCache();
  return useInvalidatingMutation({
    invalidates: (_, { quote }) => [keys.dealQuotes(quote.dealId)],
    mutationFn: ({ quote, patch }: { quote: Quote; patch: Omit<QuotePatch, 'version'> }) =>
      api.patch<Quote>(`/api/quotes/${encodeURIComponent(quote.id)}`, { ...patch, version: quote.version }),
    onSuccess: cache,
  });
}

export function useQuoteStatus() {
  const cache = useQuoteCache();
  return useInvalidatingMutation({
    invalidates: (_, { quote }) => [keys.dealQuotes(quote.dealId)],
    mutationFn: ({ quote, status }: { quote: Quote; status: Exclude<QuoteStatus, 'draft'> }) =>
      api.post<Quote>(`/api/quotes/${encodeURIComponent(quote.id)}/status`, { status, version: quote.version }),
    onSuccess: cache,
  });
}

export function useSendQuote() {
  const cache = useQuoteCache();
  return useInvalidatingMutation({
    invalidates: (_, { quote }) => [keys.dealQuotes(quote.dealId)],
    mutationFn: ({ quote, contactId, message }: { quote: Quote; contactId: string; message?: string }) =>
      api.post<Quote>(`/api/quotes/${encodeURIComponent(quote.id)}/send`, {
        contactId,
        ...(message ? { message } : {}),
        version: quote.version,
      }),
    onSuccess: cache,
  });
}

/** Saves the quote's PDF through the browser (the file is named after the quote number). */
export async function downloadQuotePdf(quote: Quote): Promise<void> {
  const blob = await apiDownload(`/api/quotes/${encodeURIComponent(quote.id)}/pdf`);
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${quote.number}.pdf`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
