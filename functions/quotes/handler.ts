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
import { idempotencyRequest } from '../../shared/db/idempotency.js';
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
import { expectedVersion } from '../../shared/http/expected-version.js';
import { created, defineRoute, noContent, ok } from '../../shared/http/route.js';
import { createHandler } from '../../shared/http/router.js';

/** Lambda entry of the quotes context: the price list and quotes (documents: pdf-handler.ts). */
export const handler = createHandler(routesOf('quotes'), {
  'GET /api/products': defineRoute({
    query: productListQuery,
    handle: async ({ query }) => ok(await productsOf(query)),
  }),
  'POST /api/products': defineRoute({
    body: productCreate,
    handle: async ({ body, principal }) => created(await createProduct(body, principal)),
  }),
  'GET /api/products/{id}': defineRoute({
    params: productIdParams,
    handle: async ({ params }) => ok(await productOrThrow(params.id)),
  }),
  'PATCH /api/products/{id}': defineRoute({
    params: productIdParams,
    body: productPatch,
    handle: async ({ params, body, principal, headers }) => {
      const { version, ...patch } = body;
      return ok(await updateProduct(params.id, patch, expectedVersion(version, headers['if-match']), principal));
    },
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
    handle: async ({ body, principal, headers }) =>
      createQuote(body, principal, idempotencyRequest(principal.userId, headers['idempotency-key'], body)),
  }),
  'GET /api/quotes/{id}': defineRoute({
    params: quoteIdParams,
    handle: async ({ params, principal }) => ok((await readQuoteOrThrow(params.id, principal)).quote),
  }),
  'PATCH /api/quotes/{id}': defineRoute({
    params: quoteIdParams,
    body: quotePatch,
    handle: async ({ params, body, principal, headers }) => {
      const { version, ...patch } = body;
      return ok(await updateQuote(params.id, patch, expectedVersion(version, headers['if-match']), principal));
    },
  }),
  'POST /api/quotes/{id}/status': defineRoute({
    params: quoteIdParams,
    body: quoteStatusChange,
    handle: async ({ params, body, principal, headers }) =>
      ok(
        await changeQuoteStatus(params.id, body.status, expectedVersion(body.version, headers['if-match']), principal),
      ),
  }),
});
