import type { Principal } from '../../auth/principal.js';
import { recordScopeOf } from '../../auth/principal.js';
import { auditRecord } from '../../db/audit.js';
import { companyQuotas, type QuotaChange, quotasOf, repQuotas, writeQuotas } from '../../db/quotas.repository.js';
import { listStaff, type StaffProfile } from '../../db/users.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { AppError, invalid } from '../../domain/common/errors.js';
import { parsePeriod } from '../../domain/forecast/period.js';
import {
  type Quota,
  type QuotaList,
  type QuotaPerson,
  type QuotaPut,
  quotaId,
} from '../../domain/forecast/quota.schema.js';

/**
 * Quotas per rep and month. Who sees which: an admin (and finance) everyone's, a manager their
 * teams' members', a sales rep their own (the forecast scope, recordScopeOf). Who sets which:
 * `quotas:manage` (admin: anyone; manager: members of their teams).
 */

/** Roles that carry a quota: the people who sell. */
const CARRIES_QUOTA = new Set(['sales', 'manager']);

const person = (p: StaffProfile): QuotaPerson => ({ id: p.id, name: p.name, teamIds: p.teamIds ?? [] });

/** The reps the principal may see quotas of (the staff directory: one Query, readable by all staff). */
export async function quotaPeople(principal: Principal): Promise<QuotaPerson[]> {
  const scope = recordScopeOf(principal);
  if (scope.kind === 'owner') return [{ id: principal.userId, name: principal.name, teamIds: [...principal.teamIds] }];
  const staff = (await listStaff()).filter((p) => p.status !== 'disabled' && p.roles.some((r) => CARRIES_QUOTA.has(r)));
  if (scope.kind === 'all') return staff.map(person);
  return staff.filter((p) => (p.teamIds ?? []).some((t) => scope.teamIds.includes(t))).map(person);
}

/**
 * The quotas of the period in the principal's scope: company-wide one Query per month (gsi1),
 * a team's by key (one BatchGetItem for up to 100 rep-months), a rep's one Query.
 */
export async function scopedQuotas(
  principal: Principal,
  months: readonly string[],
  people: readonly QuotaPerson[],
): Promise<Quota[]> {
  const scope = recordScopeOf(principal);
  if (scope.kind === 'all') return companyQuotas(months);
  if (scope.kind === 'owner') return repQuotas(principal.userId, months);
  return quotasOf(
    people.map((p) => p.id),
    months,
  );
}

export async function listQuotas(periodId: string, principal: Principal): Promise<QuotaList> {
  const { months } = parsePeriod(periodId);
  const people = await quotaPeople(principal);
  const items = await scopedQuotas(principal, months, people);
  return { period: periodId, months, people, items };
}

/**
 * Sets quotas (one PUT, one transaction). Each entry replaces the version it names (none: a new
 * quota); an unchanged entry writes nothing. A manager may set only their teams' members'
 * quotas (403 naming the entry otherwise); an unknown user is a 400.
 */
export async function setQuotas(
  input: QuotaPut,
  principal: Principal,
  periodId?: string,
  now = new Date(),
): Promise<{ items: Quota[] }> {
  const scope = recordScopeOf(principal);
  const inPeriod = periodId ? new Set(parsePeriod(periodId).months) : undefined;
  const seen = new Set<string>();
  const errors: Record<string, string> = {};
  input.quotas.forEach((q, i) => {
    const key = quotaId(q.userId, q.month);
    if (seen.has(key)) errors[`quotas.${i}`] = 'Same rep and month twice';
    if (inPeriod && !inPeriod.has(q.month)) errors[`quotas.${i}.month`] = `Not a month of ${periodId}`;
    seen.add(key);
  });
  if (Object.keys(errors).length) throw invalid(errors);

  const directory = new Map((await listStaff()).map((p) => [p.id, p]));
  input.quotas.forEach((q, i) => {
    if (!directory.has(q.userId)) errors[`quotas.${i}.userId`] = 'Unknown user';
  });
  if (Object.keys(errors).length) throw invalid(errors);
  if (scope.kind !== 'all') {
    const outside = input.quotas.findIndex(
      (q) => scope.kind === 'owner' || !(directory.get(q.userId)!.teamIds ?? []).some((t) => scope.teamIds.includes(t)),
    );
    if (outside >= 0) {
      throw new AppError('forbidden', 'quota.out_of_scope', 'You can set the quotas of your teams’ members only', {
        [`quotas.${outside}.userId`]: 'Not a member of your teams',
      });
    }
  }

  const userIds = [...new Set(input.quotas.map((q) => q.userId))];
  const months = [...new Set(input.quotas.map((q) => q.month))];
  const current = new Map((await quotasOf(userIds, months, true)).map((q) => [q.id, q]));
  const at = now.toISOString();
  const changes: QuotaChange[] = [];
  const items: Quota[] = [];
  for (const [i, q] of input.quotas.entries()) {
    const id = quotaId(q.userId, q.month);
    const before = current.get(id);
    if (before?.version !== q.version) {
      throw new AppError(
        'conflict',
        'request.stale_version',
        'A quota was changed by someone else; reload the quotas and apply your change again',
        { [`quotas.${i}.version`]: before ? `Now at version ${before.version}` : 'This quota does not exist yet' },
      );
    }
    if (before && before.amount === q.amount && before.currency === q.currency) {
      items.push(before);
      continue;
    }
    const after: Quota = {
      id,
      userId: q.userId,
      userName: directory.get(q.userId)!.name,
      month: q.month,
      amount: q.amount,
      currency: q.currency,
      version: (before?.version ?? 0) + 1,
      createdAt: before?.createdAt ?? at,
      updatedAt: at,
      updatedBy: { id: principal.userId, name: principal.name },
    };
    const pick = (x: Quota | undefined) => x && { amount: x.amount, currency: x.currency };
    const audit = auditRecord({
      kind: 'quota',
      entityId: id,
      entityName: `${directory.get(q.userId)!.name} ${q.month}`,
      action: before ? 'updated' : 'created',
      actor: principal,
      changes: diffRecords(pick(before), pick(after)),
      at,
    });
    changes.push({ before, after, audit });
    items.push(after);
  }
  await writeQuotas(changes);
  return { items };
}
