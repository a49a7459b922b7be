import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of contacts, companies and their custom fields. */
export const CUSTOMER_ERRORS = {
  'contact.not_found': { kind: 'not_found', message: 'contact not found' },
  'contact.deleted': { kind: 'conflict', message: 'This contact is deleted; restore it first' },
  'contact.email_taken': { kind: 'conflict', message: 'Another contact already has this e-mail' },
  'company.not_found': { kind: 'not_found', message: 'company not found' },
  'company.deleted': { kind: 'conflict', message: 'This company is deleted; restore it first' },
  'company.domain_taken': { kind: 'conflict', message: 'Another company already has this domain' },
  'customField.not_found': { kind: 'not_found', message: 'customField not found' },
  'customField.key_taken': { kind: 'conflict', message: 'A field with this key exists' },
  'customField.sensitive_forbidden': { kind: 'forbidden', message: 'Your role may not write these fields' },
} as const satisfies ErrorCatalogue;
