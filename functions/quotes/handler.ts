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
import {
  productCreate,
  productIdParams,
  productListQuery,
  productPatch,
} from '../../shared/domain/quotes/product.schema.js';
import {
  quoteCreate,
  quoteIdParams,
  quoteListQuery,
  quotePatch,
  quoteStatusChange,
} from '../../shared/domain/quotes/quote.schema.js';
import { defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the quotes context: the price list and quotes (documents: pdf-handler.ts). */
export const handler = createHandler(routesOf('quotes'), {
  'GET /api/products': defineRoute({
    query: productListQuery,
    handle: async ({ query }) => ok(await productsOf(query)),
  }),
  'POST /api/products': defineRoute({
    body: productCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createProduct(body, principal, idempotency),
  }),
  'GET /api/products/{id}': defineRoute({
    params: productIdParams,
    handle: async ({ params }) => ok(await productOrThrow(params.id)),
  }),
  'PATCH /api/products/{id}': defineRoute({
    params: productIdParams,
    body: productPatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await updateProduct(params.id, body, version, principal)),
  }),
  'DELETE /api/products/{id}': defineRoute({
    params: productIdParams,
    handle: async ({ params, principal }) => {
      await deleteProduct(params.id, principal);
      return noContent();
    },
  }),
  'GET /api/quotes': defineRoute({
    query: quoteListQuery,
    handle: async ({ query, principal }) => {
      const { dealId, ...page } = query;
      return ok(await quotesOfDeal(dealId, page, principal));
    },
  }),
  'POST /api/quotes': defineRoute({
    body: quoteCreate,
    idempotent: true,
    handle: async ({ body, principal, idempotency }) => createQuote(body, principal, idempotency),
  }),
  'GET /api/quotes/{id}': defineRoute({
    params: quoteIdParams,
    handle: async ({ params, principal }) => ok((await readQuoteOrThrow(params.id, principal)).quote),
  }),
  'PATCH /api/quotes/{id}': defineRoute({
    params: quoteIdParams,
    body: quotePatch,
    versioned: true,
    handle: async ({ params, body, version, principal }) => ok(await updateQuote(params.id, body, version, principal)),
  }),
  'POST /api/quotes/{id}/status': defineRoute({
    params: quoteIdParams,
    body: quoteStatusChange,
    versioned: true,
    handle: async ({ params, body, version, principal }) =>
      ok(await changeQuoteStatus(params.id, body.status, version, principal)),
  }),
});
