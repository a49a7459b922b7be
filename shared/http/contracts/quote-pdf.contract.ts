import { quoteIdParams, quoteSend } from '../../domain/quotes/quote.schema.js';
import { routeContract } from '../route.js';

export const quotePdfApi = {
  'GET /api/quotes/{id}/pdf': routeContract({ params: quoteIdParams }),
  'POST /api/quotes/{id}/send': routeContract({ params: quoteIdParams, body: quoteSend, versioned: true }),
};
