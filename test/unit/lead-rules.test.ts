import { describe, expect, it } from 'vitest';
import { assigneeByRules } from '../../shared/app/leads/lead-create.js';
import { followUpIndexKeys, isPoolOwner, poolOwnerId } from '../../shared/db/keys.leads.js';
import { DEFAULT_RULES, type LeadRules, leadRulesPut } from '../../shared/domain/leads/lead.schema.js';
import {
  claimVerdict,
  companyDomainOf,
  cooldownUntil,
  followUpCutoff,
  followUpDueAt,
  liveCooldowns,
  mappedAssignee,
  normalizeDomain,
  rotationOf,
  roundRobinPick,
} from '../../shared/domain/leads/lead-rules.js';

const rules = (over: Partial<LeadRules> = {}): LeadRules => ({ teamId: 't', ...DEFAULT_RULES, ...over });
const MEMBERS = ['rep-b', 'rep-a', 'rep-c'];

describe('round-robin', () => {
  it('takes turns through the team in a stable order when no rotation is set', () => {
    const rotation = rotationOf(rules(), MEMBERS);
    expect(rotation).toEqual(['rep-a', 'rep-b', 'rep-c']);
    expect([1, 2, 3, 4, 5].map((turn) => roundRobinPick(rotation, turn))).toEqual([
      'rep-a',
      'rep-b',
      'rep-c',
      'rep-a',
      'rep-b',
    ]);
  });

  it('keeps the configured rotation order and drops reps who left the team', () => {
    expect(rotationOf(rules({ rotation: ['rep-c', 'gone', 'rep-a'] }), MEMBERS)).toEqual(['rep-c', 'rep-a']);
  });

  it('has nobody to pick from an empty rotation', () => {
    expect(roundRobinPick([], 1)).toBeUndefined();
  });
});

describe('region and source mapping', () => {
  const region = rules({ strategy: 'region', mappings: [{ match: 'CN', userId: 'rep-c' }] });
  const source = rules({ strategy: 'source', mappings: [{ match: 'Trade Show', userId: 'rep-b' }] });

  it.each([
    ['a region strategy maps the country', region, { country: 'CN' }, 'rep-c'],
    ['a region strategy ignores the source', region, { source: 'CN' }, undefined],
    ['a source strategy matches case-insensitively', source, { source: ' trade show ' }, 'rep-b'],
    ['round-robin maps nothing', rules({ mappings: [{ match: 'CN', userId: 'rep-c' }] }), { country: 'CN' }, undefined],
  ])('%s', (_title, r, lead, expected) => {
    expect(mappedAssignee(r, lead, MEMBERS)).toBe(expected);
  });

  it('does not map to a rep who left the team', () => {
    expect(mappedAssignee(region, { country: 'CN' }, ['rep-a'])).toBeUndefined();
  });

  it('falls back to the rotation when no mapping matches, taking a turn only then', async () => {
    let turns = 0;
    const turn = async () => ++turns;
    expect(await assigneeByRules(region, { country: 'CN' }, MEMBERS, turn)).toBe('rep-c');
    expect(turns).toBe(0);
    expect(await assigneeByRules(region, { country: 'US' }, MEMBERS, turn)).toBe('rep-a');
    expect(turns).toBe(1);
  });

  it('leaves a lead of a team with no members to the pool', async () => {
    expect(await assigneeByRules(rules(), {}, [], async () => 1)).toBeUndefined();
  });
});

describe('follow-up due time', () => {
  it('is the last follow-up plus N days, across a month end', () => {
    expect(followUpDueAt('2026-01-25T10:00:00.000Z', 14)).toBe('2026-02-08T10:00:00.000Z');
  });

  it('puts a lead last followed up exactly N days ago on the edge, not yet due', () => {
    const now = new Date('2026-03-15T12:00:00.000Z');
    const cutoff = followUpCutoff(now, 10);
    expect(cutoff).toBe('2026-03-05T12:00:00.000Z');
    // The sweep reads sort keys strictly below `cutoff`; an index key is `<lastFollowUpAt>#<id>`.
    const onEdge = followUpIndexKeys({ contactId: 'c1', teamId: 't', lastFollowUpAt: cutoff }).gsi1sk;
    const before = followUpIndexKeys({ contactId: 'c1', teamId: 't', lastFollowUpAt: '2026-03-05T11:59:59.999Z' });
    expect(onEdge < cutoff).toBe(false);
    expect(before.gsi1sk < cutoff).toBe(true);
  });

  it('keeps one due partition per team, and one for leads of no team', () => {
    expect(followUpIndexKeys({ contactId: 'c', teamId: 'east', lastFollowUpAt: 'x' }).gsi1pk).toBe(
      'CONTACT#FOLLOWUP#east',
    );
    expect(followUpIndexKeys({ contactId: 'c', lastFollowUpAt: 'x' }).gsi1pk).toBe('CONTACT#FOLLOWUP#all');
  });
});

describe('claiming', () => {
  const now = '2026-05-10T00:00:00.000Z';

  it('allows a rep under the limit with no cooldown', () => {
    expect(claimVerdict({ userId: 'a', now, cooldowns: {}, held: 1, limit: 2 })).toEqual({ ok: true });
  });

  it('stops a rep at the limit', () => {
    expect(claimVerdict({ userId: 'a', now, cooldowns: {}, held: 2, limit: 2 })).toEqual({
      ok: false,
      reason: 'limit',
      held: 2,
      limit: 2,
    });
  });

  it('keeps the previous owner out until the cooldown ends, and only them', () => {
    const cooldowns = { a: cooldownUntil('2026-05-08T00:00:00.000Z', 7) };
    expect(claimVerdict({ userId: 'a', now, cooldowns, held: 0, limit: 5 })).toEqual({
      ok: false,
      reason: 'cooldown',
      until: '2026-05-15T00:00:00.000Z',
    });
    expect(claimVerdict({ userId: 'b', now, cooldowns, held: 0, limit: 5 })).toEqual({ ok: true });
    expect(claimVerdict({ userId: 'a', now: '2026-05-15T00:00:00.000Z', cooldowns, held: 0, limit: 5 }).ok).toBe(true);
  });

  it('forgets cooldowns that have run out', () => {
    expect(liveCooldowns({ a: '2026-05-01T00:00:00.000Z', b: '2026-06-01T00:00:00.000Z' }, now)).toEqual({
      b: '2026-06-01T00:00:00.000Z',
    });
  });
});

describe('pool owner and domains', () => {
  it('names a team’s pool with a sentinel owner no staff id can be', () => {
    expect(poolOwnerId('team-east')).toBe('POOL_team-east');
    expect(poolOwnerId(undefined)).toBe('POOL_all');
    expect(isPoolOwner('POOL_team-east')).toBe(true);
    expect(isPoolOwner('6f1c2a10-0004-4000-8000-000000000004')).toBe(false);
  });

  it.each([
    ['https://www.Acme.com/about', 'acme.com'],
    ['acme.co.uk', 'acme.co.uk'],
  ])('stores the domain %s as %s', (input, expected) => {
    expect(normalizeDomain(input)).toBe(expected);
  });

  it('takes a company domain from a work address, not from a public mail provider', () => {
    expect(companyDomainOf('ann@Acme.com')).toBe('acme.com');
    expect(companyDomainOf('ann@gmail.com')).toBeUndefined();
    expect(companyDomainOf('ann@qq.com')).toBeUndefined();
  });
});

describe('lead rules input', () => {
  it('rejects a return period of zero days, naming the field', () => {
    const result = leadRulesPut.safeParse({ ...DEFAULT_RULES, version: undefined, returnAfterDays: 0 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['returnAfterDays']);
  });
});

describe('the follow-up hook for logged activities', () => {
  const lead = { id: 'c1', ownerId: 'rep-a', teamId: 'east', lifecycleStage: 'lead' };

  it.each([
    ['a contact past the lead stage', { ...lead, lifecycleStage: 'customer' }],
    ['a lead in the pool', { ...lead, ownerId: 'POOL_east' }],
    ['a deleted lead', { ...lead, deletedAt: '2026-01-01T00:00:00.000Z' }],
  ])('adds nothing for %s', async (_title, contact) => {
    process.env.TABLE_NAME ??= 'test-table';
    const { leadFollowUpTouch } = await import('../../shared/db/leads.repository.js');
    expect(leadFollowUpTouch(contact, '2026-02-01T00:00:00.000Z')).toEqual([]);
  });

  it('moves an owned lead in its team’s due index, unless it went back to the pool meanwhile', async () => {
    process.env.TABLE_NAME ??= 'test-table';
    const { leadFollowUpTouch } = await import('../../shared/db/leads.repository.js');
    const [item] = leadFollowUpTouch(lead, '2026-02-01T00:00:00.000Z');
    expect(item?.Update?.Key).toEqual({ pk: 'CONTACT#c1', sk: 'LEAD' });
    expect(item?.Update?.ExpressionAttributeValues).toMatchObject({
      ':gpk': 'CONTACT#FOLLOWUP#east',
      ':gsk': '2026-02-01T00:00:00.000Z#c1',
      ':owner': 'rep-a',
    });
    expect(item?.Update?.ConditionExpression).toBe('attribute_not_exists(pk) OR #status = :owned');
  });
});
