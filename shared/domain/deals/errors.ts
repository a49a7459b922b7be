import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of deals and pipelines. */
export const DEAL_ERRORS = {
  'deal.not_found': { kind: 'not_found', message: 'deal not found' },
  'deal.deleted': { kind: 'conflict', message: 'This deal is deleted' },
  'pipeline.not_found': { kind: 'not_found', message: 'pipeline not found' },
  'pipeline.stage_in_use': { kind: 'conflict', message: 'Move the deals out of these stages first' },
} as const satisfies ErrorCatalogue;
