/**
 * Background jobs start through the outbox: a request writes the job together with its audit
 * record, whose event below the outbox relay publishes; the job starter (a bus rule's target)
 * turns it into the job's first queue message. A send that fails is retried by the bus (and
 * lands in the rule's dead-letter queue at worst), so no job is left "running" with nothing
 * queued, as it was when the request sent the message after its write.
 */
export const JOB_REQUESTED = {
  reassignment: 'reassignment.requested',
  reencryption: 'reencryption.requested',
} as const;

export type JobKind = keyof typeof JOB_REQUESTED;

export const JOB_REQUESTED_EVENTS = Object.values(JOB_REQUESTED);

export function jobKindOf(detailType: string): JobKind | undefined {
  return (Object.keys(JOB_REQUESTED) as JobKind[]).find((kind) => JOB_REQUESTED[kind] === detailType);
}
