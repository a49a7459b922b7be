import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of lead capture and the lead pool. */
export const LEAD_ERRORS = {
  'lead.assign_forbidden': { kind: 'forbidden', message: 'Your role can add leads to the pool, not assign them' },
  'lead.team_forbidden': { kind: 'forbidden', message: 'You can only add leads to your own teams' },
  'leadPool.claim_limit': {
    kind: 'conflict',
    message: 'You hold as many pool leads as your team allows: release or convert one first',
  },
  'leadPool.cooldown': { kind: 'forbidden', message: 'You gave this lead up recently; claim it again later' },
  'leadPool.already_claimed': {
    kind: 'conflict',
    message: 'This lead is no longer in the pool: it was claimed first',
  },
  'leadPool.not_a_lead': { kind: 'conflict', message: 'Only a contact in the lead stage can go to the pool' },
  'leadPool.changed': { kind: 'conflict', message: 'The lead changed meanwhile' },
} as const satisfies ErrorCatalogue;
