import { addBusinessMinutes, type BusinessHours, businessMinutesBetween } from './business-time.js';

/**
 * SLA timers of a ticket: pure state transitions, no clock and no I/O (the ticket commands feed
 * them the events and the instant; the escalation sweep reads `dueAt` / `warnAt` from an index).
 *
 * A timer counts business minutes from `startedAt` towards `targetMinutes`. Pausing keeps its due
 * time; resuming adds the business minutes paused to `pausedMinutes`, which pushes the due time by
 * exactly that much: due = startedAt + (target + paused) business minutes. A priority or policy
 * change therefore only swaps the target and recomputes, and reopening resumes, never resets.
 */

export const TIMERS = ['firstResponse', 'nextResponse', 'resolution'] as const;
export type TimerName = (typeof TIMERS)[number];

export interface SlaTimer {
  startedAt: string;
  targetMinutes: number;
  /** Business minutes spent paused so far (pending, solved, on-hold when the policy says so). */
  pausedMinutes: number;
  pausedAt?: string;
  dueAt: string;
  warnAt: string;
  /** Met (first or next response given, ticket closed): the timer no longer runs. */
  stoppedAt?: string;
  /** Business minutes from start to stop, pauses excluded: the ticket's figure for this timer. */
  elapsedMinutes?: number;
  warnedAt?: string;
  breachedAt?: string;
}

export type SlaTimers = Partial<Record<TimerName, SlaTimer>>;

/** Targets of one priority, in business minutes; a missing target runs no timer. */
export type SlaTargets = Partial<Record<TimerName, number>>;

export interface TimerSettings {
  calendar: BusinessHours;
  /** Percent of the target at which the warning fires (default 80). */
  warningPercent: number;
}

function schedule(settings: TimerSettings, timer: Omit<SlaTimer, 'dueAt' | 'warnAt'>): SlaTimer {
  const start = new Date(timer.startedAt);
  const warnMinutes = Math.floor((timer.targetMinutes * settings.warningPercent) / 100);
  return {
    ...timer,
    dueAt: addBusinessMinutes(settings.calendar, start, timer.targetMinutes + timer.pausedMinutes).toISOString(),
    warnAt: addBusinessMinutes(settings.calendar, start, warnMinutes + timer.pausedMinutes).toISOString(),
  };
}

/** A new timer from `at`, or none when the policy sets no target for it. */
export function startTimer(settings: TimerSettings, targetMinutes: number | undefined, at: Date): SlaTimer | undefined {
  if (targetMinutes === undefined) return undefined;
  return schedule(settings, { startedAt: at.toISOString(), targetMinutes, pausedMinutes: 0 });
}

/** Whether a timer still counts (started, not stopped, not paused). */
export const isRunning = (timer: SlaTimer | undefined): timer is SlaTimer =>
  timer !== undefined && timer.stoppedAt === undefined && timer.pausedAt === undefined;

/** Stops a timer at `at` (a response given, the ticket closed) and records its figure. */
export function stopTimer(settings: TimerSettings, timer: SlaTimer, at: Date): SlaTimer {
  if (timer.stoppedAt) return timer;
  const resumed = timer.pausedAt ? resumeTimer(settings, timer, at) : timer;
  const elapsed = businessMinutesBetween(settings.calendar, new Date(resumed.startedAt), at) - resumed.pausedMinutes;
  return { ...resumed, stoppedAt: at.toISOString(), elapsedMinutes: Math.max(0, elapsed) };
}

export function pauseTimer(timer: SlaTimer, at: Date): SlaTimer {
  if (!isRunning(timer)) return timer;
  return { ...timer, pausedAt: at.toISOString() };
}

export function resumeTimer(settings: TimerSettings, timer: SlaTimer, at: Date): SlaTimer {
  if (!timer.pausedAt || timer.stoppedAt) return timer;
  const paused = businessMinutesBetween(settings.calendar, new Date(timer.pausedAt), at);
  const { pausedAt: _resumed, ...rest } = timer;
  return schedule(settings, { ...rest, pausedMinutes: timer.pausedMinutes + paused });
}

/** A new target (priority or policy changed): same start and pauses, due times recomputed. */
export function retarget(settings: TimerSettings, timer: SlaTimer, targetMinutes: number): SlaTimer {
  if (timer.stoppedAt) return timer;
  return schedule(settings, { ...timer, targetMinutes });
}

/** What a sweep at `now` must announce for a timer: a warning, a breach, or nothing (each once). */
export function dueNotice(timer: SlaTimer, now: Date): 'breach' | 'warning' | undefined {
  if (!isRunning(timer)) return undefined;
  if (!timer.breachedAt && new Date(timer.dueAt) <= now) return 'breach';
  if (!timer.warnedAt && !timer.breachedAt && new Date(timer.warnAt) <= now) return 'warning';
  return undefined;
}

/** The next instant a sweep should look at this ticket: the earliest unannounced warning or breach. */
export function nextCheckAt(timers: SlaTimers): string | undefined {
  const instants: string[] = [];
  for (const name of TIMERS) {
    const timer = timers[name];
    if (!isRunning(timer) || timer.breachedAt) continue;
    instants.push(timer.warnedAt ? timer.dueAt : timer.warnAt);
  }
  return instants.sort()[0];
}
