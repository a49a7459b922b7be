import type { Principal } from '../../auth/principal.js';
import type { Role } from '../../auth/roles.js';
import { auditRecord } from '../../db/audit.js';
import { getIdempotency, type IdempotencyRequest, replay, storeAnswer } from '../../db/idempotency.js';
import {
  adminCountChange,
  createStaffProfile,
  ensureAdminCount,
  getStaffProfile,
  listStaff,
  releaseAdmin,
  reserveAdminRemoval,
  type StaffProfile,
  updateStaffAccess,
} from '../../db/users.repository.js';
import { type Clock, systemClock } from '../../domain/common/clock.js';
import { AppError, invalid, staleVersion } from '../../domain/common/errors.js';
import type { FieldChange } from '../../domain/customers/timeline.schema.js';
import type { UserInvite, UserPatch, UserStatus, UserSummary } from '../../domain/users/user.schema.js';
import type { UserDirectory } from '../../identity/user-directory.js';
import { userNotFound } from '../../identity/user-directory.js';

/**
 * User administration: invite, change role, disable and enable. Each change goes to the directory
 * (Cognito, or the local provider) and to the profile, whose write carries the audit record.
 */

const statusOf = (p: StaffProfile): UserStatus => p.status ?? 'active';

export function toUserSummary(p: StaffProfile): UserSummary {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    ...(p.roles[0] ? { role: p.roles[0] } : {}),
    roles: p.roles,
    teamIds: p.teamIds ?? [],
    status: statusOf(p),
    ...(p.lastSignInAt ? { lastSignInAt: p.lastSignInAt } : {}),
    ...(p.mfa ? { mfa: p.mfa } : {}),
    version: p.version ?? 0,
  };
}

/** Every staff user by name (one Query of the staff directory, gsi2 USER). */
export async function listUsers(): Promise<{ items: UserSummary[]; nextCursor: null }> {
  return { items: (await listStaff()).map(toUserSummary), nextCursor: null };
}

const isAdmin = (p: Pick<StaffProfile, 'roles'>) => p.roles.includes('admin');

/** Only an admin grants or takes away the admin role: a sysadmin cannot make themselves admin. */
function checkAdminRole(principal: Principal, touchesAdmin: boolean): void {
  if (touchesAdmin && !principal.roles.includes('admin')) {
    throw new AppError('forbidden', 'user.admin_role_forbidden', 'Only an admin can grant or remove the admin role', {
      role: 'Only an admin can grant or remove admin',
    });
  }
}

/**
 * The rules of a role or status change, pure: nobody disables themselves, and the last active
 * admin stays an active admin (someone must be able to administer the system).
 */
export function checkAccessChange(
  principal: Principal,
  target: StaffProfile,
  change: { role?: Role; status?: 'active' | 'disabled' },
  activeAdmins: number,
): void {
  if (change.status === 'disabled' && target.id === principal.userId) {
    throw invalid({ status: 'You cannot disable yourself' }, 'You cannot disable your own account');
  }
  const losesAdmin =
    isAdmin(target) &&
    statusOf(target) !== 'disabled' &&
    ((change.role !== undefined && change.role !== 'admin') || change.status === 'disabled');
  if (losesAdmin && activeAdmins <= 1) {
    const field = change.role !== undefined && change.role !== 'admin' ? 'role' : 'status';
    throw new AppError('conflict', 'user.last_admin', 'This is the last active admin; make someone else admin first', {
      [field]: 'The last active admin must stay an active admin',
    });
  }
}

export async function inviteUser(
  input: UserInvite,
  principal: Principal,
  idempotency: IdempotencyRequest | undefined,
  directory: UserDirectory,
  clock: Clock = systemClock,
): Promise<{ status: number; body: unknown }> {
  if (idempotency) {
    const stored = await getIdempotency(idempotency);
    if (stored) return replay(idempotency, stored);
  }
  checkAdminRole(principal, input.role === 'admin');
  if (input.role === 'admin') await ensureAdminCount();
  const id = await directory.invite(input.email, input.name, input.role);
  const now = clock.now().toISOString();
  const profile: StaffProfile = {
    id,
    name: input.name,
    email: input.email,
    roles: [input.role],
    teamIds: [],
    status: 'invited',
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  const audit = auditRecord({
    kind: 'user',
    entityId: id,
    entityName: input.name,
    action: 'created',
    actor: principal,
    changes: [
      { field: 'email', before: null, after: input.email },
      { field: 'name', before: null, after: input.name },
      { field: 'role', before: null, after: input.role },
      { field: 'status', before: null, after: 'invited' },
    ],
    at: now,
  });
  // The key's answer is the summary the caller gets, so a retry is answered exactly alike.
  const answer = toUserSummary(profile);
  await createStaffProfile(profile, audit, [
    ...(input.role === 'admin' ? [adminCountChange(1)] : []),
    ...storeAnswer(idempotency, 201, answer, clock.now().getTime()),
  ]);
  return { status: 201, body: answer };
}

export async function updateUser(
  id: string,
  patch: UserPatch,
  principal: Principal,
  directory: UserDirectory,
  clock: Clock = systemClock,
): Promise<UserSummary> {
  const before = await getStaffProfile(id);
  if (!before) throw userNotFound();
  if ((before.version ?? 0) !== patch.version) throw staleVersion('user');
  const role = patch.role !== undefined && patch.role !== before.roles[0] ? patch.role : undefined;
  const wantsStatus =
    patch.status !== undefined && (patch.status === 'disabled') !== (statusOf(before) === 'disabled')
      ? patch.status
      : undefined;
  if (role === undefined && wantsStatus === undefined) return toUserSummary(before);
  checkAdminRole(principal, role !== undefined && (role === 'admin' || isAdmin(before)));
  // The self-disable rule here; the last-admin rule is the admin count guard's (below), which
  // also holds when two admins demote each other at once (a count read first would not).
  checkAccessChange(principal, before, { role, status: wantsStatus }, Number.POSITIVE_INFINITY);

  const roles: Role[] = role !== undefined ? [role] : before.roles;
  const status: UserStatus = wantsStatus ?? statusOf(before);
  const wasActiveAdmin = isAdmin(before) && statusOf(before) !== 'disabled';
  const isActiveAdmin = roles.includes('admin') && status !== 'disabled';
  // A conditional decrement of the admin count, before anything changes at the identity provider.
  if (wasActiveAdmin && !isActiveAdmin) await reserveAdminRemoval(role !== undefined ? 'role' : 'status');
  if (!wasActiveAdmin && isActiveAdmin) await ensureAdminCount();
  let updatedAt: string;
  try {
    updatedAt = await applyAccessChange(id, before, { role, wantsStatus, roles, status }, principal, directory, clock, {
      joinsAdmins: !wasActiveAdmin && isActiveAdmin,
    });
  } catch (error) {
    if (wasActiveAdmin && !isActiveAdmin) await releaseAdmin();
    throw error;
  }
  return toUserSummary({ ...before, roles, status, version: (before.version ?? 0) + 1, updatedAt });
}

/** The change at the identity provider, then on the profile with its audit record; answers when. */
async function applyAccessChange(
  id: string,
  before: StaffProfile,
  change: { role?: Role; wantsStatus?: 'active' | 'disabled'; roles: Role[]; status: UserStatus },
  principal: Principal,
  directory: UserDirectory,
  clock: Clock,
  options: { joinsAdmins: boolean },
): Promise<string> {
  const { role, wantsStatus, roles, status } = change;
  // The directory first: if it refuses (unknown user, throttled), the profile stays as it was.
  if (role !== undefined) await directory.setRole(id, role);
  if (wantsStatus === 'disabled') await directory.disable(id);
  if (wantsStatus === 'active') await directory.enable(id);

  const now = clock.now().toISOString();
  const changes: FieldChange[] = [];
  if (role !== undefined) changes.push({ field: 'role', before: before.roles[0] ?? null, after: role });
  if (status !== statusOf(before)) changes.push({ field: 'status', before: statusOf(before), after: status });
  const version = (before.version ?? 0) + 1;
  const audit = auditRecord({
    kind: 'user',
    entityId: id,
    entityName: before.name,
    action: 'updated',
    actor: principal,
    changes,
    at: now,
  });
  await updateStaffAccess(
    before,
    { roles, status, version, updatedAt: now },
    audit,
    options.joinsAdmins ? [adminCountChange(1)] : [],
  );
  return now;
}
