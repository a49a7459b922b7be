import type { ScheduledEvent } from 'aws-lambda';
import { type ReturnOutcome, returnDueLead } from '../../shared/app/leads/pool-commands.js';
import { parseConfigAtColdStart } from '../../shared/config.js';
import { followUpDueSource, NO_TEAM } from '../../shared/db/keys.leads.js';
import { listRules } from '../../shared/db/leads.repository.js';
import { queryPage } from '../../shared/db/query.js';
import { listTeams } from '../../shared/db/teams.repository.js';
import { DEFAULT_RULES, type LeadRules } from '../../shared/domain/leads/lead.schema.js';
import { followUpCutoff } from '../../shared/domain/leads/lead-rules.js';
import { logger } from '../../shared/http/logger.js';

parseConfigAtColdStart();

const SYSTEM = { userId: 'system', name: 'Cirrus (lead pool)' };
/** At most this many leads are moved per run; the next run (an hour later) takes the rest. */
const MAX_PER_RUN = 500;

/**
 * Returns owned leads with no follow-up within their team's N days to the team's pool (公海).
 * Per team it reads only the due entries of the follow-up index (gsi1 CONTACT#FOLLOWUP#<team>,
 * last follow-up before now − N days), so the cost is two small Queries (teams, rules), one Query
 * per team and a few requests per due lead, whatever the number of leads. Each return is
 * conditioned on the follow-up time it read: a second run, or a follow-up logged in between,
 * changes nothing.
 */
export async function handler(event: Pick<ScheduledEvent, 'time'>): Promise<Record<ReturnOutcome, number>> {
  const now = new Date(event.time);
  const [teams, saved] = await Promise.all([listTeams(), listRules()]);
  const rulesByTeam = new Map(saved.map((r) => [r.teamId, r]));
  // Teams, plus any team with saved rules that was deleted since (its leads keep its id).
  const teamKeys = [...new Set([...teams.map((t) => t.id), ...saved.map((r) => r.teamId), NO_TEAM])];
  const counts: Record<ReturnOutcome, number> = { returned: 0, untracked: 0, reanchored: 0, skipped: 0 };
  let handled = 0;
  for (const teamKey of teamKeys) {
    const rules: LeadRules = rulesByTeam.get(teamKey) ?? { teamId: teamKey, ...DEFAULT_RULES };
    const cutoff = followUpCutoff(now, rules.returnAfterDays);
    let cursor: string | undefined;
    do {
      const page = await queryPage<Record<string, unknown>>(followUpDueSource(teamKey, cutoff), {
        limit: Math.min(100, MAX_PER_RUN - handled),
        cursor,
        forward: true,
      });
      for (const item of page.items) {
        const outcome = await returnDueLead(
          {
            contactId: String(item.contactId),
            lastFollowUpAt: String(item.lastFollowUpAt),
            version: Number(item.version),
          },
          teamKey,
          rules,
          SYSTEM,
          now,
        );
        counts[outcome] += 1;
        handled += 1;
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor && handled < MAX_PER_RUN);
    if (handled >= MAX_PER_RUN) break;
  }
  logger.info('lead return sweep done', { ...counts, at: now.toISOString() });
  return counts;
}
