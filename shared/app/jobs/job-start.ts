import type { Principal } from '../../auth/principal.js';
import { required } from '../../config.js';
import { type AuditRecord, auditRecord } from '../../db/audit.js';
import type { ReassignmentMessage } from '../../db/reassignments.repository.js';
import type { ReencryptMessage } from '../../db/reencrypt.repository.js';
import { diffRecords } from '../../domain/common/diff.js';
import { JOB_REQUESTED, type JobKind } from '../../domain/jobs/job-events.js';
import { sendMessages } from '../../queues/sender.js';

/**
 * The audit record written in the job's own transaction: it shows in the audit log (who started
 * which job) and announces `<kind>.requested`, the outbox entry the job starter acts on.
 */
export function jobRequestedAudit(
  kind: JobKind,
  job: { id: string; summary: Record<string, unknown> },
  actor: Pick<Principal, 'userId' | 'name'>,
  at: string,
): AuditRecord {
  return auditRecord({
    kind: 'job',
    entityId: job.id,
    entityName: kind,
    action: 'created',
    actor,
    changes: diffRecords(undefined, job.summary),
    at,
    events: [JOB_REQUESTED[kind]],
  });
}

/**
 * Queues a job's first page. Delivered at least once: a second first page is a duplicate the
 * workers already ignore (their page number is closed, or each record's move is conditioned).
 */
export async function startJob(kind: JobKind, jobId: string): Promise<void> {
  if (kind === 'reassignment') {
    const first: ReassignmentMessage = { jobId, batch: 0 };
    await sendMessages(required('QUEUE_URL_REASSIGN'), [first]);
  } else {
    const first: ReencryptMessage = { jobId, batch: 1, phase: 'live' };
    await sendMessages(required('QUEUE_URL_REENCRYPT'), [first]);
  }
}
