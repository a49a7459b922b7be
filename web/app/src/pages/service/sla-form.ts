import type { SlaPolicy, SlaPolicyCreate } from '../../../../../shared/domain/service/sla-policy.schema';
import { PRIORITIES, type Priority } from '../../../../../shared/domain/service/sla-policy.schema';
import { TIMERS, type TimerName } from '../../../../../shared/domain/service/sla-timers';

/** The editor's values: conditions as plain lists (empty = any), targets per priority and timer. */
export interface PolicyValues {
  name: string;
  priorities: string[];
  channels: string[];
  tiers: string[];
  tags: string[];
  calendarId: string | null;
  targets: Record<Priority, Partial<Record<TimerName, number | null>>>;
  warningPercent: number;
  pauseOnHold: boolean;
  raisePriority: boolean;
  moveToTeamId: string | null;
}

export function initialValues(policy: SlaPolicy | undefined): PolicyValues {
  const c = policy?.conditions ?? {};
  return {
    name: policy?.name ?? '',
    priorities: [...(c.priorities ?? [])],
    channels: [...(c.channels ?? [])],
    tiers: [...(c.tiers ?? [])],
    tags: [...(c.tags ?? [])],
    calendarId: policy?.calendarId ?? null,
    targets: Object.fromEntries(
      PRIORITIES.map((p) => [p, { ...(policy?.targets[p] ?? {}) }]),
    ) as PolicyValues['targets'],
    warningPercent: policy?.warningPercent ?? 80,
    pauseOnHold: policy?.pauseOnHold ?? false,
    raisePriority: policy?.breachActions.raisePriority ?? false,
    moveToTeamId: policy?.breachActions.moveToTeamId ?? null,
  };
}

export function toRequest(v: PolicyValues): SlaPolicyCreate {
  const targets: SlaPolicyCreate['targets'] = {};
  for (const priority of PRIORITIES) {
    const entry: Partial<Record<TimerName, number>> = {};
    for (const timer of TIMERS) {
      const minutes = v.targets[priority]?.[timer];
      if (typeof minutes === 'number') entry[timer] = minutes;
    }
    if (Object.keys(entry).length) targets[priority] = entry;
  }
  // A list condition left empty means "any": it is left out of the request.
  type Conditions = SlaPolicyCreate['conditions'];
  const conditions: Conditions = {};
  if (v.priorities.length) conditions.priorities = v.priorities as NonNullable<Conditions['priorities']>;
  if (v.channels.length) conditions.channels = v.channels as NonNullable<Conditions['channels']>;
  if (v.tiers.length) conditions.tiers = v.tiers as NonNullable<Conditions['tiers']>;
  if (v.tags.length) conditions.tags = v.tags;
  return {
    name: v.name.trim(),
    conditions,
    calendarId: v.calendarId,
    targets,
    warningPercent: v.warningPercent,
    pauseOnHold: v.pauseOnHold,
    breachActions: { raisePriority: v.raisePriority, ...(v.moveToTeamId ? { moveToTeamId: v.moveToTeamId } : {}) },
  };
}
