import { describe, expect, it } from 'vitest';
import { manifest } from '../../infra/manifest.js';
import { JOB_REQUESTED_EVENTS, jobKindOf } from '../../shared/domain/jobs/job-events.js';

describe('jobs started through the outbox', () => {
  it('routes exactly the job-requested events to the job starter', () => {
    const rule = manifest.rules.find((r) => r.id === 'start-jobs');
    expect(rule?.function).toBe('jobStarter');
    expect([...(rule?.pattern.detailType ?? [])].sort()).toEqual([...JOB_REQUESTED_EVENTS].sort());
  });

  it('names the job kind of each event, and none for another event', () => {
    expect(jobKindOf('reassignment.requested')).toBe('reassignment');
    expect(jobKindOf('reencryption.requested')).toBe('reencryption');
    expect(jobKindOf('contact.created')).toBeUndefined();
  });

  it('leaves the functions that request jobs without a queue grant: only the starter and workers send', () => {
    const sendersTo = (queue: string) =>
      Object.entries(manifest.functions)
        .filter(([, f]) => 'grants' in f && (f.grants as { sendTo?: readonly string[] }).sendTo?.includes(queue))
        .map(([id]) => id)
        .sort();
    expect(sendersTo('reassign')).toEqual(['jobStarter', 'reassignWorker']);
    expect(sendersTo('reencrypt')).toEqual(['jobStarter', 'reencryptWorker']);
  });
});
