import { address, id, tags, text } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * The leads context: a lead is a contact in the `lead` lifecycle stage. Each team has lead rules
 * (how new leads are assigned, when an unattended lead returns to the public pool 公海, how many
 * pool leads a rep may hold, how long a previous owner waits before claiming it again).
 */

export const ASSIGNMENT_STRATEGIES = ['roundRobin', 'region', 'source'] as const;
export type AssignmentStrategy = (typeof ASSIGNMENT_STRATEGIES)[number];

/** A region (ISO country) or source value → the rep who gets such leads. */
export const ruleMapping = z.strictObject({ match: text(50, 1), userId: id });
export type RuleMapping = z.infer<typeof ruleMapping>;

const ruleFields = {
  strategy: z.enum(ASSIGNMENT_STRATEGIES),
  /** Reps taking turns (round-robin, and the fallback of a mapping that matches nothing); empty = all team members. */
  rotation: z.array(id).check(z.maxLength(100, 'At most 100 reps')),
  mappings: z.array(ruleMapping).check(z.maxLength(200, 'At most 200 mappings')),
  returnAfterDays: z.int().check(z.gte(1, 'At least 1 day'), z.lte(365, 'At most 365 days')),
  claimLimit: z.int().check(z.gte(1, 'At least 1'), z.lte(1000, 'At most 1000')),
  cooldownDays: z.int().check(z.gte(0, 'Not negative'), z.lte(365, 'At most 365 days')),
};

/** Body of PUT /api/lead-rules/{id}: the whole rule set (with `version` when it exists). */
export const leadRulesPut = z.strictObject({
  ...ruleFields,
  version: z.optional(z.int().check(z.positive())),
});
export type LeadRulesPut = z.infer<typeof leadRulesPut>;

export interface LeadRules {
  teamId: string;
  strategy: AssignmentStrategy;
  rotation: string[];
  mappings: RuleMapping[];
  returnAfterDays: number;
  claimLimit: number;
  cooldownDays: number;
  /** 0: the defaults, never saved. */
  version: number;
  updatedAt?: string;
}

export const DEFAULT_RULES: Omit<LeadRules, 'teamId'> = {
  strategy: 'roundRobin',
  rotation: [],
  mappings: [],
  returnAfterDays: 14,
  claimLimit: 20,
  cooldownDays: 7,
  version: 0,
};

/** Body of POST /api/leads: a new lead assigned by its team's rules, or put into the team's pool. */
export const leadCreate = z.strictObject({
  name: text(200, 1),
  email: z.optional(
    z.pipe(
      z.email('Must be an e-mail address').check(z.maxLength(254)),
      z.transform((e: string) => e.toLowerCase()),
    ),
  ),
  phone: z.optional(text(40)),
  companyId: z.optional(id),
  title: z.optional(text(200)),
  address: z.optional(address),
  tags: z.optional(tags),
  source: z.optional(text(50)),
  /** The team whose rules and pool the lead joins; none = the shared pool. */
  teamId: z.optional(id),
  assign: z._default(z.enum(['rules', 'pool']), 'rules'),
});
export type LeadCreate = z.infer<typeof leadCreate>;

/** Query of GET /api/lead-pool. */
export const poolListQuery = z.strictObject({
  /** Which pool: a team id, or `all` (leads of no team). Default: the caller's first team. */
  teamId: z.optional(id),
  q: z.optional(text(100, 1)),
  cursor: z.optional(z.string().check(z.maxLength(2048))),
  limit: z._default(z.pipe(z.coerce.number(), z.int().check(z.gte(1), z.lte(100))), 25),
});
export type PoolListQuery = z.infer<typeof poolListQuery>;

/** Query of GET /api/duplicates: any of the three; `excludeId` is the record being edited. */
export const duplicatesQuery = z.strictObject({
  email: z.optional(text(254, 3)),
  phone: z.optional(text(40, 3)),
  domain: z.optional(text(253, 3)),
  excludeId: z.optional(id),
});
export type DuplicatesQuery = z.infer<typeof duplicatesQuery>;

/** One existing record that shares a contact point; id and name only when the caller may see it. */
export interface DuplicateMatch {
  field: 'email' | 'phone' | 'domain';
  kind: 'contact' | 'company';
  /** you: the caller owns it; other: another rep; pool: nobody (the lead pool). */
  ownership: 'you' | 'other' | 'pool';
  ownerName?: string;
  record?: { id: string; name: string };
}

/** A pool entry as a rep sees it before claiming: no e-mail or phone until it is theirs. */
export interface PoolLead {
  id: string;
  name: string;
  companyName?: string;
  title?: string;
  source?: string;
  country?: string;
  teamId?: string;
  pooledAt: string;
  version: number;
  /** Set when the caller released this lead and must wait before claiming it again. */
  cooldownUntil?: string;
}
