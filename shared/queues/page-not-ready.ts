/**
 * Paged jobs (bulk reassignment, re-encryption) queue page N+1 just before they close page N, so
 * a crash in between repeats a harmless page instead of losing the rest. The other side of that
 * order: page N+1 may arrive while page N is still open. Throwing this makes the queue deliver it
 * again later (a batch item failure), instead of dropping it as a stale duplicate.
 */
export class PageNotReady extends Error {
  constructor(jobId: string, batch: number) {
    super(`Job ${jobId}: page ${batch} arrived before the page before it was closed; retried`);
    this.name = 'PageNotReady';
  }
}
