import { isRole, type Role } from './roles.js';

/** The acting user of a request, resolved once from the verified token claims. */
export interface Principal {
  readonly userId: string;
  readonly name: string;
  readonly roles: readonly Role[];
}

/** Which records of a kind the principal may see: all of them, or only those they own. */
export type RecordScope = { kind: 'all' } | { kind: 'owner'; ownerId: string };

/**
 * Sales reps work on the customers they own; every other role with read access sees all.
 * (Team scoping for managers arrives with teams.)
 */
export function recordScopeOf(principal: Principal): RecordScope {
  const seesAll = principal.roles.some((r) => r !== 'sales');
  return seesAll ? { kind: 'all' } : { kind: 'owner', ownerId: principal.userId };
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
  return { userId: sub, name, roles: parseGroupsClaim(claims['cognito:groups']) };
}
