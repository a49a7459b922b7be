import { randomUUID } from 'node:crypto';
import { type Principal, recordScopeOf } from '../../auth/principal.js';
import { putAudit } from '../../db/audit.js';
import { type IdempotencyRequest, replayed, storeAnswer } from '../../db/idempotency.js';
import { transactWrite } from '../../db/kit.js';
import { getReassignmentJob, putReassignmentJob, type ReassignmentJob } from '../../db/reassignments.repository.js';
import { memberTeams } from '../../db/teams.repository.js';
import { AppError, invalid, notFound, unavailable } from '../../domain/common/errors.js';
import type { ReassignmentCreate } from '../../domain/teams/reassignment.schema.js';
import { jobRequestedAudit } from '../jobs/job-start.js';

/**
 * Bulk reassignment (e.g. when a rep leaves): the request records the job with its audit record
 * in one transaction; that record's `reassignment.requested` event reaches the job starter, which
 * queues the first page (an outbox: no job is left running with nothing queued). The reassign
 * worker then moves the records page by page (functions/jobs/reassign-worker.ts).
 * An admin moves all of the from-owner's records; a manager only those of their teams, and only
 * to a member of their teams.
 */
export async function requestReassignment(
  input: ReassignmentCreate,
  principal: Principal,
  idempotency?: IdempotencyRequest,
  now = new Date(),
): Promise<{ status: number; body: ReassignmentJob }> {
  const again = await replayed<ReassignmentJob>(idempotency);
  if (again) return again;
  const scope = recordScopeOf(principal);
  const profiles = await memberTeams([input.fromOwnerId, input.toOwnerId]);
  const errors: Record<string, string> = {};
  if (!profiles.has(input.fromOwnerId)) errors.fromOwnerId = 'Unknown user';
  if (!profiles.has(input.toOwnerId)) errors.toOwnerId = 'Unknown user';
  if (Object.keys(errors).length) throw invalid(errors);
  let teamIds: string[] | undefined;
  if (scope.kind === 'team') {
    teamIds = [...scope.teamIds];
    if (!profiles.get(input.toOwnerId)!.some((t) => scope.teamIds.includes(t))) {
      throw new AppError(
        'forbidden',
        'record.assign_forbidden',
        'Managers can only assign records to members of their teams',
        {
          toOwnerId: 'Not a member of your teams',
        },
      );
    }
  } else if (scope.kind === 'owner') {
    throw new AppError('forbidden', 'auth.forbidden', 'Your role does not allow this');
  }
  const at = now.toISOString();
  const job: ReassignmentJob = {
    id: randomUUID(),
    kind: input.kind,
    fromOwnerId: input.fromOwnerId,
    toOwnerId: input.toOwnerId,
    ...(teamIds ? { teamIds } : {}),
    requestedBy: { id: principal.userId, name: principal.name },
    status: 'running',
    moved: 0,
    skipped: 0,
    batch: 0,
    createdAt: at,
    updatedAt: at,
  };
  const { id, status, batch, moved, skipped, createdAt, updatedAt, ...summary } = job;
  const audit = jobRequestedAudit('reassignment', { id, summary }, principal, at);
  await transactWrite(
    [putReassignmentJob(job), putAudit(audit), ...storeAnswer(idempotency, 202, job, now.getTime())],
    // Only a taken random id could fail a condition here: the client's retry gets a new one.
    () => unavailable(),
  );
  return { status: 202, body: job };
}

/** A job's progress: for admins any job, for a manager the jobs they asked for (else 404). */
export async function reassignmentOrThrow(id: string, principal: Principal): Promise<ReassignmentJob> {
  const job = await getReassignmentJob(id);
  const mine = job && (recordScopeOf(principal).kind === 'all' || job.requestedBy.id === principal.userId);
  if (!job || !mine) throw notFound('reassignment');
  return job;
}
