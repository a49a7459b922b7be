import type { Runtime } from '../infra/local/runtime.js';
import { apiClient, type Call, DEFAULT_AS, measureCost, principalName, recordOperation } from './measure.js';
import type { ApiOperationResult } from './types.js';

/**
 * DynamoDB cost of the quotes context: a product create (item + SKU guard + audit), the active
 * price list, a quote create (deal, counter and products in one BatchGetItem, then one
 * transaction), a quote read, edit and status change (quote and deal in one BatchGetItem), a
 * deal's quote list, and the PDF download, whose render time is reported in its name (report-only,
 * never a budget: it depends on the machine).
 */

const SALES = 'sales1@cirrus.local';

export async function measureQuoteCosts(runtime: Runtime): Promise<ApiOperationResult[]> {
  const operations: ApiOperationResult[] = [];
  const send = await apiClient(runtime, ['admin@cirrus.local', SALES]);
  const salesToken = await runtime.token(SALES);
  const measure = async <T>(
    name: string,
    call: Call,
    expected: number,
    template: string,
  ): Promise<{ body: T; ms: number }> => {
    const {
      result: { res, ms },
      cost,
      background,
    } = await measureCost(runtime, async () => {
      const started = performance.now();
      // The PDF is bytes, not JSON: fetched directly with the rep's token (minted beforehand).
      const res = call.path.endsWith('/pdf')
        ? await fetch(`${runtime.baseUrl}${call.path}`, { headers: { authorization: `Bearer ${salesToken}` } }).then(
            async (r) => ({ status: r.status, body: (await r.arrayBuffer()) as T }),
          )
        : await send<T>(call);
      return { res, ms: performance.now() - started };
    });
    recordOperation(
      operations,
      {
        name,
        method: call.method,
        path: template,
        as: principalName(call.as ?? DEFAULT_AS),
        status: res.status,
        expectedStatus: expected,
      },
      cost,
      background,
    );
    return { body: res.body, ms };
  };

  // A deal of the rep's, made through the deals API, to quote on.
  const deal = await send<{ id: string }>({
    method: 'POST',
    path: '/api/deals',
    as: SALES,
    body: { name: 'Bench deal', amount: 100_000, currency: 'CNY', expectedCloseDate: '2031-06-30' },
  });
  if (deal.status !== 201) throw new Error(`Creating the bench deal answered ${deal.status}`);
  const dealId = deal.body.id;

  const product = await measure<{ id: string }>(
    'product create (item + SKU guard + audit)',
    {
      method: 'POST',
      path: '/api/products',
      body: { name: 'Bench product', sku: `BENCH-${Date.now()}`, unitPrice: 99_00, currency: 'CNY', taxRate: 1300 },
    },
    201,
    '/api/products',
  );
  await measure(
    'price list, active products',
    { method: 'GET', path: '/api/products?view=active', as: SALES },
    200,
    '/api/products',
  );
  const lines = Array.from({ length: 10 }, (_, i) => ({
    ...(i % 2 ? { productId: product.body.id } : {}),
    description: `Line ${i + 1} 企业版`,
    quantityMilli: 1000 + i * 500,
    unitPrice: 99_00,
    taxRate: 1300,
  }));
  const quote = await measure<{ id: string; version: number }>(
    'quote create, 10 lines (deal + counter + products read, one transaction)',
    { method: 'POST', path: '/api/quotes', as: SALES, body: { dealId, lines, language: 'zh-CN' } },
    201,
    '/api/quotes',
  );
  const id = quote.body.id;
  await measure(
    'quote read (quote + deal in one BatchGetItem)',
    { method: 'GET', path: `/api/quotes/${id}`, as: SALES },
    200,
    '/api/quotes/{id}',
  );
  await measure(
    'quote edit (notes)',
    { method: 'PATCH', path: `/api/quotes/${id}`, as: SALES, body: { notes: 'Bench', version: 1 } },
    200,
    '/api/quotes/{id}',
  );
  await measure(
    'a deal’s quotes',
    { method: 'GET', path: `/api/quotes?dealId=${dealId}`, as: SALES },
    200,
    '/api/quotes',
  );
  const pdf = await measure(
    'quote PDF (first render: font and HarfBuzz load)',
    { method: 'GET', path: `/api/quotes/${id}/pdf`, as: SALES },
    200,
    '/api/quotes/{id}/pdf',
  );
  const again = await measure(
    'quote PDF (warm)',
    { method: 'GET', path: `/api/quotes/${id}/pdf`, as: SALES },
    200,
    '/api/quotes/{id}/pdf',
  );
  const n = operations.length;
  operations[n - 2]!.name += ` — ${Math.round(pdf.ms)} ms`;
  operations[n - 1]!.name += ` — ${Math.round(again.ms)} ms`;
  await measure(
    'quote status draft → sent',
    { method: 'POST', path: `/api/quotes/${id}/status`, as: SALES, body: { status: 'sent', version: 2 } },
    200,
    '/api/quotes/{id}/status',
  );
  return operations;
}
