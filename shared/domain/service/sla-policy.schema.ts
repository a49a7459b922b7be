import { id, TIERS, tag, text, version } from '../common/fields.js';
import * as z from '../common/zod.js';
import type { SlaTargets } from './sla-timers.js';

/**
 * SLA policies: which tickets a policy covers (conditions), the calendar its clocks run on
 * (none: 24×7), business-minute targets per priority, the warning threshold, and what happens
 * at a breach. Policies are ordered; the first whose conditions all hold applies.
 */

export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];
export const CHANNELS = ['email', 'portal', 'staff', 'phone', 'chat'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Up to a year of business minutes. */
const minutes = z.int().check(z.gte(1, 'Must be at least 1 minute'), z.lte(525_600, 'At most a year of minutes'));
const targets = z.strictObject({
  firstResponse: z.optional(minutes),
  nextResponse: z.optional(minutes),
  resolution: z.optional(minutes),
});

const list = <S extends z.ZodMiniType>(item: S, max = 50) =>
  z.optional(z.array(item).check(z.minLength(1, 'Leave out instead of empty'), z.maxLength(max)));

export const slaConditions = z.strictObject({
  priorities: list(z.enum(PRIORITIES)),
  tiers: list(z.enum(TIERS)),
  companyIds: list(id, 100),
  channels: list(z.enum(CHANNELS)),
  /** Any one of these tags on the ticket. */
  tags: list(tag),
});
export type SlaConditions = z.infer<typeof slaConditions>;

export const slaPolicyCreate = z.strictObject({
  name: text(80, 1),
  conditions: z._default(slaConditions, {}),
  /** A business calendar's id; absent or null runs the clocks 24×7. */
  calendarId: z.optional(z.nullable(id)),
  targets: z.strictObject({
    urgent: z.optional(targets),
    high: z.optional(targets),
    normal: z.optional(targets),
    low: z.optional(targets),
  }),
  warningPercent: z._default(z.int().check(z.gte(1), z.lte(99)), 80),
  pauseOnHold: z._default(z.boolean(), false),
  breachActions: z._default(
    z.strictObject({ raisePriority: z._default(z.boolean(), false), moveToTeamId: z.optional(id) }),
    { raisePriority: false },
  ),
});
export type SlaPolicyCreate = z.infer<typeof slaPolicyCreate>;

export type SlaPolicy = SlaPolicyCreate & {
  id: string;
  /** Place in the evaluation order (lower first). */
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
};

export const slaPolicyPatch = z.strictObject({
  name: z.optional(text(80, 1)),
  conditions: z.optional(slaConditions),
  calendarId: z.optional(z.nullable(id)),
  targets: z.optional(slaPolicyCreate.shape.targets),
  warningPercent: z.optional(z.int().check(z.gte(1), z.lte(99))),
  pauseOnHold: z.optional(z.boolean()),
  breachActions: z.optional(slaPolicyCreate.shape.breachActions),
  position: z.optional(z.int().check(z.gte(0))),
  version: z.optional(version),
});
export type SlaPolicyPatch = z.infer<typeof slaPolicyPatch>;

/** What a policy's conditions look at. */
export interface SlaSubject {
  priority: Priority;
  channel: Channel;
  tags: readonly string[];
  companyId?: string;
  /** The requester's (or company's) customer tier. */
  tier?: (typeof TIERS)[number];
}

export function policyMatches(conditions: SlaConditions, t: SlaSubject): boolean {
  const holds = <T>(wanted: readonly T[] | undefined, value: T | undefined) =>
    wanted === undefined || (value !== undefined && wanted.includes(value));
  return (
    holds(conditions.priorities, t.priority) &&
    holds(conditions.tiers, t.tier) &&
    holds(conditions.companyIds, t.companyId) &&
    holds(conditions.channels, t.channel) &&
    (conditions.tags === undefined || conditions.tags.some((x) => t.tags.includes(x)))
  );
}

/** The first policy (in position order) whose conditions hold, or none. */
export function matchingPolicy<P extends Pick<SlaPolicy, 'conditions' | 'position'>>(
  policies: readonly P[],
  subject: SlaSubject,
): P | undefined {
  return [...policies].sort((a, b) => a.position - b.position).find((p) => policyMatches(p.conditions, subject));
}

export function targetsFor(policy: Pick<SlaPolicy, 'targets'>, priority: Priority): SlaTargets {
  return policy.targets[priority] ?? {};
}

/** The next priority up, for a breach action that raises it (urgent stays urgent). */
export function raisedPriority(priority: Priority): Priority {
  return PRIORITIES[Math.max(0, PRIORITIES.indexOf(priority) - 1)]!;
}
