import type { LeadRules } from './lead.schema.js';

/**
 * Pure rules of the leads context: who gets a new lead, when an owned lead is due back in the
 * pool, whether a rep may claim a pool lead. No I/O: the repository reads, these decide.
 */

const DAY_MS = 86_400_000;

/** Rotation of a team's rules: the configured reps, else every member (sorted: a stable turn order). */
export function rotationOf(rules: Pick<LeadRules, 'rotation'>, memberIds: readonly string[]): string[] {
  const list = rules.rotation.length > 0 ? rules.rotation.filter((id) => memberIds.includes(id)) : [...memberIds];
  return rules.rotation.length > 0 ? list : list.sort();
}

/** The rep in turn for the `turn`-th lead (1-based, the atomic counter's new value). */
export function roundRobinPick(rotation: readonly string[], turn: number): string | undefined {
  if (rotation.length === 0) return undefined;
  return rotation[(((turn - 1) % rotation.length) + rotation.length) % rotation.length];
}

/**
 * The mapped rep of a lead under a region (country) or source strategy, if a mapping matches
 * (case-insensitive) and the rep is still a member; round-robin strategies map nothing.
 */
export function mappedAssignee(
  rules: Pick<LeadRules, 'strategy' | 'mappings'>,
  lead: { country?: string; source?: string },
  memberIds: readonly string[],
): string | undefined {
  if (rules.strategy === 'roundRobin') return undefined;
  const value = rules.strategy === 'region' ? lead.country : lead.source;
  if (!value) return undefined;
  const wanted = value.trim().toLowerCase();
  return rules.mappings.find((m) => m.match.trim().toLowerCase() === wanted && memberIds.includes(m.userId))?.userId;
}

/** Whether a strategy needs a round-robin turn for this lead (no mapping matched). */
export const needsTurn = (
  rules: Pick<LeadRules, 'strategy' | 'mappings'>,
  lead: { country?: string; source?: string },
  memberIds: readonly string[],
) => mappedAssignee(rules, lead, memberIds) === undefined;

/** When an owned lead last followed up at `lastFollowUpAt` goes back to the pool. */
export function followUpDueAt(lastFollowUpAt: string, returnAfterDays: number): string {
  return new Date(Date.parse(lastFollowUpAt) + returnAfterDays * DAY_MS).toISOString();
}

/** The sweep's cut-off: leads last followed up strictly before it are due at `now`. */
export function followUpCutoff(now: Date, returnAfterDays: number): string {
  return new Date(now.getTime() - returnAfterDays * DAY_MS).toISOString();
}

/** Until when a rep who gave a lead up at `at` may not claim it back. */
export function cooldownUntil(at: string, cooldownDays: number): string {
  return new Date(Date.parse(at) + cooldownDays * DAY_MS).toISOString();
}

/** Cooldowns still running at `now` (expired ones are dropped so the map stays small). */
export function liveCooldowns(cooldowns: Record<string, string> | undefined, now: string): Record<string, string> {
  return Object.fromEntries(Object.entries(cooldowns ?? {}).filter(([, until]) => until > now));
}

export type ClaimVerdict =
  | { ok: true }
  | { ok: false; reason: 'cooldown'; until: string }
  | { ok: false; reason: 'limit'; held: number; limit: number };

/** Whether `userId` may claim a pool lead now: their cooldown on it has run out, and they hold fewer than the limit. */
export function claimVerdict(input: {
  userId: string;
  now: string;
  cooldowns: Record<string, string> | undefined;
  held: number;
  limit: number;
}): ClaimVerdict {
  const until = input.cooldowns?.[input.userId];
  if (until && until > input.now) return { ok: false, reason: 'cooldown', until };
  if (input.held >= input.limit) return { ok: false, reason: 'limit', held: input.held, limit: input.limit };
  return { ok: true };
}

/** Mail providers whose domain says nothing about the company: no domain duplicate for them. */
const PUBLIC_MAIL_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'qq.com',
  '163.com',
  '126.com',
  'sina.com',
  'foxmail.com',
  'proton.me',
]);

/** The company domain an e-mail address points at, unless it is a public mail provider. */
export function companyDomainOf(email: string): string | undefined {
  const domain = email.trim().toLowerCase().split('@')[1];
  if (!domain?.includes('.') || PUBLIC_MAIL_DOMAINS.has(domain)) return undefined;
  return domain;
}

/** A domain as typed (https://www.Acme.com/x) in the form the domain guard stores it (acme.com). */
export function normalizeDomain(input: string): string {
  return input
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^www\./, '')
    .replace(/[/?#].*$/, '');
}
