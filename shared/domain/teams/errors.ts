import type { ErrorCatalogue } from '../common/error-kind.js';

/** Errors of teams and bulk reassignments. */
export const TEAM_ERRORS = {
  'team.not_found': { kind: 'not_found', message: 'team not found' },
  'team.has_records': {
    kind: 'conflict',
    message: 'This team still has contacts or companies; reassign them to someone outside the team first',
  },
  'team.membership_changed': { kind: 'conflict', message: 'A member’s teams changed meanwhile; try again' },
  'reassignment.not_found': { kind: 'not_found', message: 'reassignment not found' },
} as const satisfies ErrorCatalogue;
