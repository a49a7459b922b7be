import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of quotes and the product catalogue. */
export const QUOTE_ERRORS = {
  'quote.not_found': { kind: 'not_found', message: 'quote not found' },
  'quote.invalid_transition': { kind: 'conflict', message: 'The quote cannot move to this status' },
  'quote.not_editable': { kind: 'conflict', message: 'Only draft quotes can be edited' },
  'quote.number_taken': { kind: 'conflict', message: 'Another quote took this number; try again' },
  'product.not_found': { kind: 'not_found', message: 'product not found' },
  'product.sku_taken': { kind: 'conflict', message: 'Another product has this SKU' },
} as const satisfies ErrorCatalogue;
