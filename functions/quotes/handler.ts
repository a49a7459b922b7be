import { routesOf } from '../../infra/manifest.js';
import {
  createProduct,
  deleteProduct,
  productOrThrow,
  productsOf,
  updateProduct,
} from '../../shared/app/quotes/product-commands.js';
import {
  changeQuoteStatus,
  createQuote,
  quotesOfDeal,
  readQuoteOrThrow,
  updateQuote,
} from '../../shared/app/quotes/quote-commands.js';
import { quotesApi } from '../../shared/http/contracts/quotes.contract.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the quotes context: the price list and quotes (documents: pdf-handler.ts). */
export const handler = createHandler(
  routesOf('quotes'),
  {
    'GET /api/products': defineRoute({
      ...quotesApi['GET /api/products'],
      handle: async ({ query }) => ok(await productsOf(query)),
    }),
    'POST /api/products': defineRoute({
      ...quotesApi['POST /api/products'],
      handle: async ({ body, principal, idempotency }) => createProduct(body, principal, idempotency),
    }),
    'GET /api/products/{id}': defineRoute({
      ...quotesApi['GET /api/products/{id}'],
      handle: async ({ params }) => ok(await productOrThrow(params.id)),
    }),
    'PATCH /api/products/{id}': defineRoute({
      ...quotesApi['PATCH /api/products/{id}'],
      handle: async ({ params, body, version, principal }) =>
        ok(await updateProduct(params.id, body, version, principal)),
    }),
    'DELETE /api/products/{id}': defineRoute({
      ...quotesApi['DELETE /api/products/{id}'],
      handle: async ({ params, principal }) => {
        await deleteProduct(params.id, principal);
        return noContent();
      },
    }),
    'GET /api/quotes': defineRoute({
      ...quotesApi['GET /api/quotes'],
      handle: async ({ query, principal }) => {
        const { dealId, ...page } = query;
        return ok(await quotesOfDeal(dealId, page, principal));
      },
    }),
    'POST /api/quotes': defineRoute({
      ...quotesApi['POST /api/quotes'],
      handle: async ({ body, principal, idempotency }) => createQuote(body, principal, idempotency),
    }),
    'GET /api/quotes/{id}': defineRoute({
      ...quotesApi['GET /api/quotes/{id}'],
      handle: async ({ params, principal }) => ok((await readQuoteOrThrow(params.id, principal)).quote),
    }),
    'PATCH /api/quotes/{id}': defineRoute({
      ...quotesApi['PATCH /api/quotes/{id}'],
      handle: async ({ params, body, version, principal }) =>
        ok(await updateQuote(params.id, body, version, principal)),
    }),
    'POST /api/quotes/{id}/status': defineRoute({
      ...quotesApi['POST /api/quotes/{id}/status'],
      handle: async ({ params, body, version, principal }) =>
        ok(await changeQuoteStatus(params.id, body.status, version, principal)),
    }),
  },
  quotesApi,
);
