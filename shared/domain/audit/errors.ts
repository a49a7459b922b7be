import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of the audit trail: a record, once written, is never overwritten. */
export const AUDIT_ERRORS = {
  'audit.exists': { kind: 'conflict', message: 'This audit record exists and is never overwritten' },
} as const satisfies ErrorCatalogue;
