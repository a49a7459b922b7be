import type { RecordScope } from '../domain/common/scope.js';
import { isRole, type Role } from './roles.js';

/** The acting user of a request, resolved once from the verified token claims. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
  /** Teams the user belongs to, from the `custom:teams` claim (a pre-token-generation trigger adds it). */
  readonly teamIds: readonly string[];
  /**
   * Set when the token is marked `custom:mfa_enrol` (an admin or sysadmin without TOTP): only the
   * enrolment routes answer such a principal (shared/identity/mfa.ts).
   */
  readonly mfaEnrolment?: true;
}

export type { RecordScope };

/** Roles that see every customer: admins, and the readers whose work spans all customers. */
const SEES_ALL: ReadonlySet<Role> = new Set(['admin', 'sysadmin', 'support', 'marketing', 'finance']);

/**
 * The widest scope any of the principal's roles grants: admin and the all-customer readers see
 * all; a manager sees the records of their teams (and only those: a record belongs to the team
 * of its owner when it was assigned, `record.teamId`); a sales rep (or a user with no role) sees
 * the records they own.
 */
export function recordScopeOf(principal: Principal): RecordScope {
  if (principal.roles.some((r) => SEES_ALL.has(r))) return { kind: 'all' };
  if (principal.roles.includes('manager')) return { kind: 'team', teamIds: principal.teamIds };
  return { kind: 'owner', ownerId: principal.userId };
}

/** Whether a record (its owner and team) lies within the principal's scope. */
export function inScope(scope: RecordScope, record: { ownerId: string; teamId?: string }): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'team':
      return record.teamId !== undefined && scope.teamIds.includes(record.teamId);
    case 'owner':
      return record.ownerId === scope.ownerId;
  }
}

/** `custom:teams` is a comma-separated list of team ids, as a pre-token-generation trigger writes it. */
export function parseTeamsClaim(raw: unknown): string[] {
  if (typeof raw !== 'string') return [];
  return [
    ...new Set(
      raw
        .split(',')
        .map((t) => t.trim())
        .filter((t) => /^[\w-]{1,64}$/.test(t)),
    ),
  ];
}

/**
 * API Gateway's JWT authorizer hands claims over as strings; an array claim such as
 * `cognito:groups` arrives as "[admin sales]". Locally we pass the same shape.
 */
export function parseGroupsClaim(raw: unknown): Role[] {
  let values: string[] = [];
  if (Array.isArray(raw)) values = raw.map(String);
  else if (typeof raw === 'string') values = raw.replace(/^\[|\]$/g, '').split(/[\s,]+/);
  return values.filter(isRole);
}

export function principalFromClaims(claims: Record<string, unknown>): Principal | undefined {
  const sub = claims.sub;
  if (typeof sub !== 'string' || sub === '') return undefined;
  const name = typeof claims.name === 'string' ? claims.name : typeof claims.email === 'string' ? claims.email : sub;
  return {
    userId: sub,
    name,
    roles: parseGroupsClaim(claims['cognito:groups']),
    teamIds: parseTeamsClaim(claims['custom:teams']),
    ...(claims['custom:mfa_enrol'] === 'true' || claims['custom:mfa_enrol'] === true ? { mfaEnrolment: true } : {}),
  };
}
