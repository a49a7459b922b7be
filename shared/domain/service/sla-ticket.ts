import {
  pauseTimer,
  resumeTimer,
  retarget,
  type SlaTargets,
  type SlaTimer,
  type SlaTimers,
  startTimer,
  stopTimer,
  TIMERS,
  type TimerSettings,
} from './sla-timers.js';

/**
 * The SLA rules of a ticket, as one reducer over what happens to it (pure; the ticket commands
 * call it inside the ticket's transaction):
 *  - first response runs from creation to the first public agent reply (an internal note never
 *    counts; for a ticket an agent opened with a public message, the creation is not the reply);
 *  - next response runs from the customer's oldest unanswered public message to the next public
 *    agent reply, once the first response was given;
 *  - resolution runs from creation to solved;
 *  - pending and solved pause every timer, on-hold too when the policy says so; back to open
 *    resumes them (pushed by the business time paused); closing stops them all;
 *  - a priority or policy change swaps the targets and recomputes the due times.
 */

export const TICKET_STATUSES = ['new', 'open', 'pending', 'on-hold', 'solved', 'closed'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export interface SlaState {
  targets: SlaTargets;
  pauseOnHold: boolean;
  timers: SlaTimers;
}

export type SlaEvent =
  | { kind: 'created'; at: Date }
  | { kind: 'agentReply'; at: Date }
  | { kind: 'customerMessage'; at: Date }
  | { kind: 'status'; at: Date; to: TicketStatus }
  | { kind: 'targets'; targets: SlaTargets; pauseOnHold: boolean; at: Date };

function pausesIn(state: Pick<SlaState, 'pauseOnHold'>, status: TicketStatus): boolean {
  return status === 'pending' || status === 'solved' || (status === 'on-hold' && state.pauseOnHold);
}

function mapTimers(timers: SlaTimers, change: (timer: SlaTimer) => SlaTimer): SlaTimers {
  const out: SlaTimers = {};
  for (const name of TIMERS) {
    const timer = timers[name];
    if (timer) out[name] = change(timer);
  }
  return out;
}

/** A response timer ended by closing the ticket: stopped, but without a figure (it was never met). */
const closedUnmet = (timer: SlaTimer, at: Date): SlaTimer =>
  timer.stoppedAt ? timer : { ...timer, stoppedAt: at.toISOString() };

export function applySla(settings: TimerSettings, state: SlaState, event: SlaEvent): SlaState {
  const { timers } = state;
  switch (event.kind) {
    case 'created': {
      const first = startTimer(settings, state.targets.firstResponse, event.at);
      const resolution = startTimer(settings, state.targets.resolution, event.at);
      return {
        ...state,
        timers: { ...(first ? { firstResponse: first } : {}), ...(resolution ? { resolution } : {}) },
      };
    }
    case 'agentReply': {
      const next: SlaTimers = { ...timers };
      if (timers.firstResponse && !timers.firstResponse.stoppedAt)
        next.firstResponse = stopTimer(settings, timers.firstResponse, event.at);
      if (timers.nextResponse && !timers.nextResponse.stoppedAt)
        next.nextResponse = stopTimer(settings, timers.nextResponse, event.at);
      return { ...state, timers: next };
    }
    case 'customerMessage': {
      const firstGiven = timers.firstResponse === undefined || timers.firstResponse.stoppedAt !== undefined;
      const waiting = timers.nextResponse !== undefined && timers.nextResponse.stoppedAt === undefined;
      if (!firstGiven || waiting) return state;
      const started = startTimer(settings, state.targets.nextResponse, event.at);
      return started ? { ...state, timers: { ...timers, nextResponse: started } } : state;
    }
    case 'status': {
      if (event.to === 'closed') {
        return {
          ...state,
          timers: {
            ...mapTimers(timers, (t) => closedUnmet(t, event.at)),
            ...(timers.resolution ? { resolution: stopTimer(settings, timers.resolution, event.at) } : {}),
          },
        };
      }
      if (event.to === 'solved' && timers.resolution && !timers.resolution.stoppedAt) {
        // The figure is taken at solve; a reopen resumes the same timer and a later solve retakes it.
        const figure = stopTimer(settings, timers.resolution, event.at).elapsedMinutes;
        const paused = mapTimers(timers, (t) => pauseTimer(t, event.at));
        return { ...state, timers: { ...paused, resolution: { ...paused.resolution!, elapsedMinutes: figure } } };
      }
      const change = pausesIn(state, event.to)
        ? (t: SlaTimer) => pauseTimer(t, event.at)
        : (t: SlaTimer) => resumeTimer(settings, t, event.at);
      return { ...state, timers: mapTimers(timers, change) };
    }
    case 'targets': {
      const next: SlaTimers = {};
      for (const name of TIMERS) {
        const timer = timers[name];
        const target = event.targets[name];
        if (!timer) continue;
        // A target the new policy drops ends that timer unmet; a kept one is recomputed.
        next[name] = target === undefined ? closedUnmet(timer, event.at) : retarget(settings, timer, target);
      }
      return { targets: event.targets, pauseOnHold: event.pauseOnHold, timers: next };
    }
  }
}
