import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of contracts, their payments and attachments. */
export const CONTRACT_ERRORS = {
  'contract.not_found': { kind: 'not_found', message: 'contract not found' },
  'contract.closed': { kind: 'conflict', message: 'A closed contract cannot be changed' },
  'contract.not_renewable': { kind: 'conflict', message: 'Only an active contract can be renewed' },
  'contract.draft': { kind: 'conflict', message: 'A draft contract takes no payments' },
  'contract.conflict': { kind: 'conflict', message: 'The contract changed meanwhile; reload and try again' },
  'attachment.not_found': { kind: 'not_found', message: 'attachment not found' },
  'attachment.too_large': { kind: 'payload_too_large', message: 'The file is too large' },
  'attachment.unsupported_type': { kind: 'bad_request', message: 'This file type is not accepted' },
  'attachment.exists': { kind: 'conflict', message: 'Try again' },
  'attachment.not_uploaded': {
    kind: 'conflict',
    message: 'The file has not arrived in storage; upload it, then confirm',
  },
  'attachment.size_mismatch': { kind: 'conflict', message: 'The stored file has another size; upload it again' },
  'attachment.changed': { kind: 'conflict', message: 'The attachment changed meanwhile' },
} as const satisfies ErrorCatalogue;
