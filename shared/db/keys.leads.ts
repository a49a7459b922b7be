import { type Key, type ListSource, TYPE } from './keys.core.js';

/**
 * Keys of the leads context: lead rules per team, the public lead pool (公海), follow-up tracking
 * of owned leads and the claim counters. A lead is a contact in the `lead` lifecycle stage; the
 * contact item stays where keys.ts puts it, and what the pool needs lives next to it.
 *
 * Base table
 * | item                                   | pk                          | sk          |
 * |----------------------------------------|-----------------------------|-------------|
 * | lead state (follow-up, cooldowns)      | CONTACT#<contactId>         | LEAD        |
 * | a team's lead rules                    | LEAD_POOL#<teamKey>         | RULES       |
 * | a team's round-robin counter (atomic)  | LEAD_POOL#<teamKey>         | ROUND_ROBIN |
 * | a rep's claimed-and-held counter       | LEAD_POOL#HOLDER#<userId>   | COUNTER     |
 * <teamKey> is a team id, or `all` for leads of no team (the shared pool, default rules).
 *
 * Overloaded GSIs (project ALL). A contact item uses gsi1..gsi11 itself, so the follow-up index
 * is carried by the lead-state item, whose partition values start with CONTACT# but never equal
 * a contact's (`CONTACT`, `CONTACT#DELETED`, `CONTACT#OWNER#…`, `CONTACT#TEAM#…`, …).
 * | index | pk                               | sk                        | access pattern                              |
 * |-------|----------------------------------|---------------------------|---------------------------------------------|
 * | gsi1  | CONTACT#FOLLOWUP#<teamKey>       | <lastFollowUpAt>#<id>     | a team's owned leads, least recently        |
 * |       |                                  |                           | followed up first: the return sweep reads   |
 * |       |                                  |                           | only sk < (now − the team's N days)         |
 * | gsi2  | LEAD_POOL#RULES                  | <teamKey>                 | every team's lead rules (settings page)     |
 * | gsi4  | CONTACT#OWNER#POOL_<teamKey>     | <updatedAt>#<id>          | a team's pool (the contacts "owned" by the  |
 * | gsi5  | CONTACT#OWNER#POOL_<teamKey>     | <name>#<id>               | pool sentinel), newest / by name + search   |
 * The pool is the owner index of a sentinel owner `POOL_<teamKey>` (keys.ts liveIndexKeys):
 * a pooled contact leaves every rep's owner index and keeps its team (a manager still sees it).
 * The sweep's due cut-off is per team (its N days), so the index sorts by the last follow-up
 * and a change of N applies at once without rewriting any lead.
 */

export const POOL_OWNER_PREFIX = 'POOL_';
export const NO_TEAM = 'all';

const FOLLOW_UP = `${TYPE.contact}#FOLLOWUP#`;
const RULES_DIRECTORY = `${TYPE.leadPool}#RULES`;

/** The team key of a lead: its team, or `all`. */
export const teamKeyOf = (teamId: string | undefined): string => teamId ?? NO_TEAM;

/** The sentinel owner id of a team's pool (a valid id: letters, digits, `_`, `-`). */
export const poolOwnerId = (teamId: string | undefined): string => `${POOL_OWNER_PREFIX}${teamKeyOf(teamId)}`;

export const isPoolOwner = (ownerId: string | undefined): boolean =>
  typeof ownerId === 'string' && ownerId.startsWith(POOL_OWNER_PREFIX);

export const leadKeys = {
  state: (contactId: string): Key => ({ pk: `${TYPE.contact}#${contactId}`, sk: 'LEAD' }),
  rules: (teamKey: string): Key => ({ pk: `${TYPE.leadPool}#${teamKey}`, sk: 'RULES' }),
  roundRobin: (teamKey: string): Key => ({ pk: `${TYPE.leadPool}#${teamKey}`, sk: 'ROUND_ROBIN' }),
  holder: (userId: string): Key => ({ pk: `${TYPE.leadPool}#HOLDER#${userId}`, sk: 'COUNTER' }),
};

/** Follow-up index attributes of an owned lead's state (gsi1). */
export function followUpIndexKeys(s: { contactId: string; teamId?: string; lastFollowUpAt: string }) {
  return { gsi1pk: `${FOLLOW_UP}${teamKeyOf(s.teamId)}`, gsi1sk: `${s.lastFollowUpAt}#${s.contactId}` };
}

/** A team's owned leads last followed up before `cutoff` (ISO): what the return sweep is due to move. */
export function followUpDueSource(teamKey: string, cutoff: string): ListSource {
  return { index: 'gsi1', pk: `${FOLLOW_UP}${teamKey}`, skBelow: cutoff };
}

export function rulesIndexKeys(teamKey: string) {
  return { gsi2pk: RULES_DIRECTORY, gsi2sk: teamKey };
}

export const rulesDirectorySource: ListSource = { index: 'gsi2', pk: RULES_DIRECTORY };

/** A team's pool, recently pooled first (gsi4) or by name with an optional name prefix (gsi5). */
export function poolSource(teamKey: string, namePrefix?: string): ListSource {
  const pk = `${TYPE.contact}#OWNER#${POOL_OWNER_PREFIX}${teamKey}`;
  return namePrefix === undefined ? { index: 'gsi4', pk } : { index: 'gsi5', pk, skPrefix: namePrefix };
}
