import { id, text } from '../common/fields.js';
import * as z from '../common/zod.js';

/**
 * Teams group staff users; a manager sees and reassigns the records of their teams. Membership
 * is kept on both sides, the team (`memberIds`) and each member's profile (`teamIds`), written
 * in one transaction so the two never disagree.
 */

/** A transaction holds at most 100 items: the team, its audit record and the changed profiles. */
export const MAX_MEMBERSHIP_CHANGES = 98;

const memberIds = z.pipe(
  z.array(id).check(z.maxLength(MAX_MEMBERSHIP_CHANGES, `At most ${MAX_MEMBERSHIP_CHANGES} members`)),
  z.transform((list: string[]) => [...new Set(list)]),
);

export const teamCreate = z.strictObject({ name: text(80, 1), memberIds: z.optional(memberIds) });
export type TeamCreate = z.infer<typeof teamCreate>;

export const teamPatch = z.strictObject({
  name: z.optional(text(80, 1)),
  memberIds: z.optional(memberIds),
  version: z.optional(z.int().check(z.positive())),
});
export type TeamPatch = z.infer<typeof teamPatch>;

export type Team = {
  id: string;
  name: string;
  memberIds: string[];
  version: number;
  createdAt: string;
  updatedAt: string;
};

/**
 * The team a record joins when it is assigned to an owner: the first of `preferred` (the
 * record's current team, then the assigner's teams) that the owner belongs to, else the owner's
 * first team; none when the owner is in no team.
 */
export function assignedTeam(ownerTeamIds: readonly string[], preferred: readonly (string | undefined)[]) {
  return preferred.find((t) => t !== undefined && ownerTeamIds.includes(t)) ?? ownerTeamIds[0];
}
