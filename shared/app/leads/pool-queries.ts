import type { Principal } from '../../auth/principal.js';
import { NO_TEAM } from '../../db/keys.leads.js';
import { listPoolEntries, poolPageExtras } from '../../db/leads.repository.js';
import { listTeams } from '../../db/teams.repository.js';
import type { PoolLead, PoolListQuery } from '../../domain/leads/lead.schema.js';
import { mayUsePool } from './pool-commands.js';

/**
 * The pool list: one Query of the pool sentinel's owner index (gsi4 recently pooled first, gsi5
 * for a name prefix), plus one BatchGetItem of the listed leads' states (the caller's own
 * cooldowns) and the caller's claimed-lead count; a first page also lists the pools (teams). Pool entries show what a rep needs to choose, not how to reach the person: no
 * e-mail or phone until the lead is claimed.
 */
export async function listPool(
  query: PoolListQuery,
  principal: Principal,
  now = new Date(),
): Promise<{
  items: PoolLead[];
  nextCursor: string | null;
  teamId: string;
  held: number;
  pools?: { teamId: string; name: string }[];
}> {
  const teamKey = query.teamId ?? principal.teamIds[0] ?? NO_TEAM;
  if (!mayUsePool(principal, teamKey)) return { items: [], nextCursor: null, teamId: teamKey, held: 0 };
  const [page, pools] = await Promise.all([
    listPoolEntries(teamKey, query),
    query.cursor ? undefined : poolsOf(principal),
  ]);
  const { states, held } = await poolPageExtras(
    page.items.map((i) => String(i.id)),
    principal.userId,
  );
  const at = now.toISOString();
  const items = page.items.map((i): PoolLead => {
    const state = states.get(String(i.id));
    const until = state?.cooldowns?.[principal.userId];
    const address = i.address as { country?: string } | undefined;
    return {
      id: String(i.id),
      name: String(i.name),
      ...(i.companyName ? { companyName: String(i.companyName) } : {}),
      ...(i.title ? { title: String(i.title) } : {}),
      ...(i.source ? { source: String(i.source) } : {}),
      ...(address?.country ? { country: address.country } : {}),
      ...(i.teamId ? { teamId: String(i.teamId) } : {}),
      pooledAt: state?.pooledAt ?? String(i.updatedAt),
      version: Number(i.version),
      ...(until && until > at ? { cooldownUntil: until } : {}),
    };
  });
  return { items, nextCursor: page.nextCursor, teamId: teamKey, held, ...(pools ? { pools } : {}) };
}

/** The pools a principal may use, named (one Query of the teams), for the page's pool picker. */
async function poolsOf(principal: Principal): Promise<{ teamId: string; name: string }[]> {
  const teams = (await listTeams()).filter((t) => mayUsePool(principal, t.id));
  return [...teams.map((t) => ({ teamId: t.id, name: t.name })), { teamId: NO_TEAM, name: '' }];
}
