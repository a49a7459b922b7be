import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from '../domain/common/fields.js';
import { DEFAULT_RULES, type LeadRules } from '../domain/leads/lead.schema.js';
import { db, tableName } from './client.js';
import { toApi as recordToApi, type StoredRecord } from './customer-records.repository.js';
import { type Key, keys, nameKey } from './keys.js';
import {
  followUpIndexKeys,
  isPoolOwner,
  leadKeys,
  poolSource,
  rulesDirectorySource,
  rulesIndexKeys,
  teamKeyOf,
} from './keys.leads.js';
import { getFound, recordOf, type TransactItem, versionedDelete, versionedPut } from './kit.js';
import { queryPage } from './query.js';

/**
 * Storage of the leads context (keys in keys.leads.ts): lead rules, the lead state next to each
 * tracked lead (its last follow-up, which puts it in the return sweep's due index, and the
 * cooldowns of its previous owners), and the counters (round-robin turn, leads a rep holds).
 *
 * ── Follow-up hook for other contexts ─────────────────────────────────────────────────────────
 * `leadFollowUpTouch(contact, at)` returns the TransactItem(s) that record a follow-up on a lead:
 * call it when an activity (call, meeting, note, e-mail) is logged on a contact, and add what it
 * returns to the activity's own TransactWriteItems. It returns [] unless the contact is a live
 * lead owned by a rep (lifecycleStage `lead`, not in the pool, not deleted). The item is an
 * Update of the lead state (`CONTACT#<id>` / `LEAD`) that sets `lastFollowUpAt` and moves the lead
 * in the due index; it creates the state when the lead had none (e.g. a lead a rep entered
 * through /api/contacts). Its only condition fails when the lead went back to the pool between
 * your read of the contact and your write (then re-read and retry, or answer 409).
 * ──────────────────────────────────────────────────────────────────────────────────────────────
 */

export interface LeadContact {
  id: string;
  ownerId: string;
  teamId?: string;
  lifecycleStage?: string;
  deletedAt?: string;
}

/** The lead state item, as stored (minus keys). */
export interface LeadState {
  contactId: string;
  status: 'owned' | 'pool';
  ownerId?: string;
  teamId?: string;
  lastFollowUpAt?: string;
  /** When the lead entered the pool (status pool). */
  pooledAt?: string;
  /** Rep id → until when that rep may not claim the lead back. */
  cooldowns?: Record<string, string>;
  /** The owner claimed it from the pool: it counts toward their claim limit. */
  counted?: boolean;
  version: number;
}

/** Whether a contact is a lead a rep works on (and so has a follow-up clock). */
export function isOwnedLead(contact: LeadContact): boolean {
  return contact.lifecycleStage === 'lead' && !contact.deletedAt && !isPoolOwner(contact.ownerId);
}

/** The follow-up hook (see the header): [] unless the contact is an owned lead. */
export function leadFollowUpTouch(contact: LeadContact, at: string): TransactItem[] {
  if (!isOwnedLead(contact)) return [];
  const index = followUpIndexKeys({ contactId: contact.id, teamId: contact.teamId, lastFollowUpAt: at });
  return [
    {
      Update: {
        TableName: tableName(),
        Key: leadKeys.state(contact.id),
        UpdateExpression:
          'SET #type = :type, contactId = :id, #status = :owned, ownerId = :owner, teamId = :team, ' +
          'lastFollowUpAt = :at, gsi1pk = :gpk, gsi1sk = :gsk ADD version :one',
        // A lead that went back to the pool since the caller read the contact is not touched.
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :owned',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: {
          ':type': 'LeadState',
          ':id': contact.id,
          ':owned': 'owned',
          ':owner': contact.ownerId,
          ':team': teamKeyOf(contact.teamId),
          ':at': at,
          ':gpk': index.gsi1pk,
          ':gsk': index.gsi1sk,
          ':one': 1,
        },
      },
    },
  ];
}

function toState(item: Record<string, unknown>): LeadState {
  const out = recordOf<Record<string, unknown>>(item);
  // `teamId` is stored as the team key; `all` means no team.
  if (out.teamId === 'all') delete out.teamId;
  return out as unknown as LeadState;
}

function toRules(teamKey: string, item: Record<string, unknown> | undefined): LeadRules {
  if (!item) return { teamId: teamKey, ...DEFAULT_RULES };
  return recordOf<LeadRules>(item);
}

/** Strongly consistent BatchGetItem of a few keys (see kit.ts). */
const getMany = (wanted: Key[]) => getFound(wanted);

const find = (items: Record<string, unknown>[], key: Key) => items.find((i) => i.pk === key.pk && i.sk === key.sk);

export interface ClaimContext {
  contact?: StoredRecord;
  state?: LeadState;
  rules: LeadRules;
  /** The rules of every team key asked for (defaults where none were saved). */
  rulesByTeam: Map<string, LeadRules>;
  held: number;
}

/**
 * What a claim, release or return decides on, in one BatchGetItem: the contact, its lead state,
 * the rules of `teamKey` (and of `moreTeams`: the caller's teams, one of which is usually the
 * lead's, so one read serves) and the claimed-lead count of `holderId`.
 */
export async function loadLeadContext(
  contactId: string,
  teamKey: string,
  holderId?: string,
  moreTeams: readonly string[] = [],
): Promise<ClaimContext> {
  const teamKeys = [...new Set([teamKey, ...moreTeams])];
  const wanted = [keys.record('contact', contactId), leadKeys.state(contactId), ...teamKeys.map(leadKeys.rules)];
  if (holderId) wanted.push(leadKeys.holder(holderId));
  const items = await getMany(wanted);
  const contact = find(items, wanted[0]!);
  const state = find(items, wanted[1]!);
  const holder = holderId ? find(items, leadKeys.holder(holderId)) : undefined;
  const rulesByTeam = new Map(teamKeys.map((k) => [k, toRules(k, find(items, leadKeys.rules(k)))]));
  return {
    contact: contact ? recordToApi(contact) : undefined,
    state: state ? toState(state) : undefined,
    rules: rulesByTeam.get(teamKey)!,
    rulesByTeam,
    held: Math.max(0, Number(holder?.held ?? 0)),
  };
}

/**
 * What a new lead's assignment needs, in one BatchGetItem: the team (its members), its rules and
 * the company the lead points at.
 */
export async function loadCreateContext(
  teamId: string | undefined,
  companyId: string | undefined,
): Promise<{ team?: { id: string; name: string; memberIds: string[] }; rules: LeadRules; company?: StoredRecord }> {
  const teamKey = teamKeyOf(teamId);
  const wanted: Key[] = [leadKeys.rules(teamKey)];
  if (teamId) wanted.push(keys.team(teamId));
  if (companyId) wanted.push(keys.record('company', companyId));
  const items = await getMany(wanted);
  const team = teamId ? find(items, keys.team(teamId)) : undefined;
  const company = companyId ? find(items, keys.record('company', companyId)) : undefined;
  return {
    rules: toRules(teamKey, find(items, leadKeys.rules(teamKey))),
    ...(team
      ? {
          team: {
            id: String(team.id),
            name: String(team.name),
            memberIds: Array.isArray(team.memberIds) ? team.memberIds.map(String) : [],
          },
        }
      : {}),
    ...(company ? { company: recordToApi(company) } : {}),
  };
}

/** One team's rules (the defaults when none were saved). */
export async function getRules(teamKey: string): Promise<LeadRules> {
  const [item] = await getMany([leadKeys.rules(teamKey)]);
  return toRules(teamKey, item);
}

/** Every saved rule set (one Query of gsi2 LEAD_POOL#RULES; a CRM's teams fit in one page). */
export async function listRules(): Promise<LeadRules[]> {
  const page = await queryPage<Record<string, unknown>>(rulesDirectorySource, { limit: 200, forward: true });
  return page.items.map((i) => toRules(String(i.gsi2sk), i));
}

/** Put of a team's rules, conditioned on the version the editor saw (0: none saved yet). */
export function putRules(rules: LeadRules, expectedVersion: number): TransactItem {
  const teamKey = rules.teamId;
  return versionedPut(
    { ...leadKeys.rules(teamKey), type: 'LeadRules', ...rules, ...rulesIndexKeys(teamKey) },
    expectedVersion === 0 ? undefined : expectedVersion,
  );
}

/** Takes the next round-robin turn of a team (atomic counter; 1, 2, 3, …). */
export async function nextTurn(teamKey: string): Promise<number> {
  const out = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: leadKeys.roundRobin(teamKey),
      UpdateExpression: 'SET #type = :type ADD turn :one',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'LeadRoundRobin', ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(out.Attributes?.turn ?? 1);
}

/** Put of the lead state of an owned lead (in the due index) or a pooled one (out of it). */
export function putLeadState(state: LeadState, expected: { version?: number; condition?: string }): TransactItem {
  const item: Record<string, unknown> = {
    ...leadKeys.state(state.contactId),
    type: 'LeadState',
    ...state,
    teamId: teamKeyOf(state.teamId),
  };
  if (state.status === 'owned' && state.lastFollowUpAt) {
    Object.assign(
      item,
      followUpIndexKeys({ contactId: state.contactId, teamId: state.teamId, lastFollowUpAt: state.lastFollowUpAt }),
    );
  }
  const conditions: string[] = [];
  const values: Record<string, unknown> = {};
  if (expected.version === undefined) conditions.push('attribute_not_exists(pk)');
  else {
    conditions.push('version = :v');
    values[':v'] = expected.version;
  }
  return {
    Put: {
      TableName: tableName(),
      Item: item,
      ConditionExpression: [...conditions, ...(expected.condition ? [expected.condition] : [])].join(' AND '),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/**
 * Put of a lead state conditioned on what the caller read: the version when it existed, its
 * absence otherwise. The version check covers a follow-up touch in between (it adds 1).
 */
export function replaceLeadState(before: LeadState | undefined, after: LeadState): TransactItem {
  return putLeadState(after, { version: before?.version });
}

export function deleteLeadState(before: LeadState): TransactItem {
  return versionedDelete(leadKeys.state(before.contactId), before.version);
}

/** +1 on a rep's claimed-lead count, only while it is below `limit` (the claim limit, atomically). */
export function holdOne(userId: string, limit: number): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: leadKeys.holder(userId),
      UpdateExpression: 'SET #type = :type ADD held :one',
      ConditionExpression: 'attribute_not_exists(held) OR held < :limit',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: { ':type': 'LeadHolder', ':one': 1, ':limit': limit },
    },
  };
}

/** −1 on a rep's claimed-lead count (a claimed lead left them). */
export function releaseOne(userId: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: leadKeys.holder(userId),
      // Unconditional: a return to the pool must never fail on a counter (reads clamp at 0).
      UpdateExpression: 'ADD held :minus',
      ExpressionAttributeValues: { ':minus': -1 },
    },
  };
}

/**
 * The lead states of a pool page's contacts (for the caller's cooldown hints) and the caller's
 * claimed-lead count, in one BatchGetItem (a page holds at most 100 leads, so 99 + 1 keys fit).
 */
export async function poolPageExtras(
  contactIds: readonly string[],
  holderId: string,
): Promise<{ states: Map<string, LeadState>; held: number }> {
  const states = new Map<string, LeadState>();
  let held = 0;
  const wanted = [leadKeys.holder(holderId), ...contactIds.map((id) => leadKeys.state(id))];
  for (const item of await getMany(wanted)) {
    if (item.sk === 'COUNTER') held = Math.max(0, Number(item.held ?? 0));
    else {
      const state = toState(item);
      states.set(state.contactId, state);
    }
  }
  return { states, held };
}

/**
 * One page of a pool: the pool sentinel's owner index, recently pooled first (gsi4), or by name
 * for a name prefix `q` (gsi5). The items are the pooled contacts as stored.
 */
export function listPoolEntries(
  teamKey: string,
  query: { q?: string; limit: number; cursor?: string },
): Promise<Page<Record<string, unknown>>> {
  const source = poolSource(teamKey, query.q === undefined ? undefined : nameKey(query.q));
  return queryPage<Record<string, unknown>>(source, {
    limit: query.limit,
    cursor: query.cursor,
    forward: query.q !== undefined,
  });
}
