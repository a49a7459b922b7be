import { productCreate, productIdParams, productListQuery, productPatch } from '../../domain/quotes/product.schema.js';
import {
  quoteCreate,
  quoteIdParams,
  quoteListQuery,
  quotePatch,
  quoteStatusChange,
} from '../../domain/quotes/quote.schema.js';
import { routeContract } from '../route.js';

export const quotesApi = {
  'GET /api/products': routeContract({ query: productListQuery }),
  'POST /api/products': routeContract({ body: productCreate, idempotent: true }),
  'GET /api/products/{id}': routeContract({ params: productIdParams }),
  'PATCH /api/products/{id}': routeContract({ params: productIdParams, body: productPatch, versioned: true }),
  'DELETE /api/products/{id}': routeContract({ params: productIdParams }),
  'GET /api/quotes': routeContract({ query: quoteListQuery }),
  'POST /api/quotes': routeContract({ body: quoteCreate, idempotent: true }),
  'GET /api/quotes/{id}': routeContract({ params: quoteIdParams }),
  'PATCH /api/quotes/{id}': routeContract({ params: quoteIdParams, body: quotePatch, versioned: true }),
  'POST /api/quotes/{id}/status': routeContract({ params: quoteIdParams, body: quoteStatusChange, versioned: true }),
};
